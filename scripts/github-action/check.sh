#!/usr/bin/env bash
# The GitHub Action's check step (action.yml): annotations on the pull request, and a SARIF
# log for code scanning.
#
#   CFC_FILES         the configs: paths or globs (** included), separated by spaces or lines
#   CFC_MIN_SEVERITY  the least severe finding annotated: error, warning (default) or note
#   CFC_SARIF_FILE    where the SARIF log goes (default: cfc.sarif); empty for none
#   CFC_ARGS          more options for cfc check (--warnings-as-errors, ...)
#
# Exits with cfc check's status, after the SARIF log is written whatever the findings.
set -euo pipefail
shopt -s globstar nullglob

files=()
# Split on spaces and lines without expanding globs yet, so a pattern that matches nothing is
# seen (and reported) rather than dropped.
read -r -d '' -a patterns <<< "${CFC_FILES:?set the action input 'files'}" || true
for pattern in "${patterns[@]}"; do
    matches=($pattern)
    if [ ${#matches[@]} -eq 0 ]; then
        echo "::error title=cfc::no file matches '$pattern'"
        exit 1
    fi
    files+=("${matches[@]}")
done
read -r -a extra <<< "${CFC_ARGS:-}"

status=0
cfc check --format github --min-severity "${CFC_MIN_SEVERITY:-warning}" "${extra[@]}" -- "${files[@]}" || status=$?
sarif=${CFC_SARIF_FILE-cfc.sarif}
if [ -n "$sarif" ]; then
    cfc check --format sarif "${extra[@]}" -- "${files[@]}" > "$sarif" || true
    if [ -n "${GITHUB_OUTPUT:-}" ]; then echo "sarif-file=$sarif" >> "$GITHUB_OUTPUT"; fi
fi
exit "$status"
