#!/usr/bin/env bash
# The pre-commit hooks' entry (.pre-commit-hooks.yaml): runs the installed cfc on the staged
# files pre-commit passes, or says how to install it. CFC overrides which cfc runs.
set -euo pipefail
command=$1
shift
cfc=${CFC:-cfc}
if ! command -v "$cfc" >/dev/null 2>&1; then
    echo "cfc-hook: '$cfc' is not on PATH. Install cfc first: 'make install PREFIX=~/.local' in a clone" >&2
    echo "cfc-hook: of cfc, or the release tarball (docs/ci.md); or set CFC to its path." >&2
    exit 1
fi
case $command in
    check) exec "$cfc" check --color never "$@" ;;
    # Rewrites the files; pre-commit then stops the commit because a hook changed them.
    fmt) exec "$cfc" fmt --color never "$@" ;;
    *) echo "cfc-hook: unknown hook command '$command'" >&2; exit 64 ;;
esac
