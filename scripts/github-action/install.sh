#!/usr/bin/env bash
# The GitHub Action's install step (action.yml): puts cfc on the job's PATH.
#
#   CFC_VERSION       a release ("0.9.0" or "v0.9.0"), or "source" to build the action's own
#                     checkout with `make install` (needs Swift and libyaml-dev on the runner)
#   CFC_RELEASE_URL   where the release's files are (default: the action repository's GitHub
#                     release v$CFC_VERSION)
#   CFC_SHA256        optional: the tarball's SHA-256, pinned; the download must match it
#   CFC_INSTALL_DIR   where to install (default: $RUNNER_TEMP/cfc)
#
# The tarball is always checked against the .sha256 published beside it, and against
# CFC_SHA256 when given, before anything is unpacked.
set -euo pipefail

version=${CFC_VERSION:?set the action input 'version'}
version=${version#v}
install_dir=${CFC_INSTALL_DIR:-${RUNNER_TEMP:-/tmp}/cfc}
action_path=${GITHUB_ACTION_PATH:-$(cd "$(dirname "$0")/../.." && pwd)}

if [ "$version" != source ] && ! [[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$ ]]; then
    echo "::error title=cfc::'$version' is not a cfc release: set the action input 'version' (such as 0.9.0, or source)" >&2
    exit 1
fi

if [ "$version" = source ]; then
    make -C "$action_path" install PREFIX="$install_dir"
else
    case $(uname -s)-$(uname -m) in
        Linux-x86_64) platform=linux-x86_64 ;;
        Linux-aarch64 | Linux-arm64) platform=linux-aarch64 ;;
        *) echo "::error title=cfc::no cfc release for $(uname -s) $(uname -m); use version: source" >&2; exit 1 ;;
    esac
    name=cfc-$version-$platform.tar.gz
    base=${CFC_RELEASE_URL:-https://github.com/${GITHUB_ACTION_REPOSITORY:?}/releases/download/v$version}
    download=$(mktemp -d)
    trap 'rm -rf "$download"' EXIT
    curl --fail --silent --show-error --location --retry 3 --proto '=https,file' -o "$download/$name" "$base/$name"
    curl --fail --silent --show-error --location --retry 3 --proto '=https,file' -o "$download/$name.sha256" "$base/$name.sha256"
    (cd "$download" && sha256sum --check --strict --quiet "$name.sha256")
    actual=$(sha256sum "$download/$name" | cut -d' ' -f1)
    if [ -n "${CFC_SHA256:-}" ] && [ "$actual" != "$CFC_SHA256" ]; then
        echo "::error title=cfc::$name has SHA-256 $actual, not the pinned $CFC_SHA256" >&2
        exit 1
    fi
    mkdir -p "$install_dir"
    tar -xzf "$download/$name" --strip-components=1 -C "$install_dir"
fi

"$install_dir/bin/cfc" --version
if [ -n "${GITHUB_PATH:-}" ]; then echo "$install_dir/bin" >> "$GITHUB_PATH"; fi
