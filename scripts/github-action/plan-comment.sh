#!/usr/bin/env bash
# The GitHub Action's plan step (action.yml): `cfc plan --format markdown` for each config,
# posted as one pull-request comment that later runs edit instead of adding another, and
# written to the job summary.
#
#   CFC_FILES       the configs (paths or globs, as for check.sh)
#   CFC_PLAN_ARGS   more options for cfc plan (--refresh to plan against the live configs,
#                   which needs AWS credentials in the job)
#   GH_TOKEN        a token that may comment on pull requests (the job's github.token)
#   GITHUB_REPOSITORY, GITHUB_EVENT_PATH   set by GitHub Actions
#
# Exits 1 when a plan failed (its error is in the comment), else 0, changes or not.
set -euo pipefail
shopt -s globstar nullglob

marker='<!-- cfc plan -->'
body=$(mktemp)
trap 'rm -f "$body"' EXIT
printf '%s\n' "$marker" > "$body"
read -r -a extra <<< "${CFC_PLAN_ARGS:-}"

failed=0
# Split on spaces and lines without expanding globs yet, so a pattern that matches nothing is
# seen (and reported) rather than dropped.
read -r -d '' -a patterns <<< "${CFC_FILES:?set the action input 'files'}" || true
for pattern in "${patterns[@]}"; do
    matches=($pattern)
    if [ ${#matches[@]} -eq 0 ]; then
        printf '\nNo file matches `%s`.\n' "$pattern" >> "$body"
        failed=1
    fi
    for file in "${matches[@]}"; do
        printf '\n#### `%s`\n\n' "$file" >> "$body"
        status=0
        output=$(cfc plan --format markdown --color never "${extra[@]}" -- "$file" 2>&1) || status=$?
        if [ "$status" -eq 0 ] || [ "$status" -eq 2 ]; then
            printf '%s\n' "$output" >> "$body"
        else
            failed=1
            printf 'cfc plan failed (exit status %s):\n\n```\n%s\n```\n' "$status" "$output" >> "$body"
        fi
    done
done

if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then cat "$body" >> "$GITHUB_STEP_SUMMARY"; fi

pr=""
if [ -n "${GITHUB_EVENT_PATH:-}" ] && [ -f "$GITHUB_EVENT_PATH" ]; then
    pr=$(python3 -c 'import json, sys; print((json.load(open(sys.argv[1])).get("pull_request") or {}).get("number", ""))' "$GITHUB_EVENT_PATH")
fi
if [ -z "$pr" ]; then
    echo "cfc: not a pull request: the plan is in the job summary only"
    exit "$failed"
fi

# One comment per pull request: the newest one that starts with the marker is edited.
existing=$(gh api --paginate "repos/$GITHUB_REPOSITORY/issues/$pr/comments" \
    --jq ".[] | select(.body | startswith(\"$marker\")) | .id" | tail -n 1)
if [ -n "$existing" ]; then
    gh api --method PATCH "repos/$GITHUB_REPOSITORY/issues/comments/$existing" -F "body=@$body" > /dev/null
    echo "cfc: plan comment $existing updated"
else
    gh api --method POST "repos/$GITHUB_REPOSITORY/issues/$pr/comments" -F "body=@$body" > /dev/null
    echo "cfc: plan comment added"
fi
exit "$failed"
