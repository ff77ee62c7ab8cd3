#!/usr/bin/env bash
# Runs the threaded compile under ThreadSanitizer: both drivers of the compile unit (the
# streamed compile's parser thread and workers, the in-memory pipeline's parallel units) over
# the corpus, the workloads and the edge cases (Tests/CFCCompilerTests/Engine).
#
#   scripts/tsan.sh
#
# Builds the tests in .build-tsan/ with -sanitize=thread and fails on any report
# (halt_on_error). The in-process tests only: the cfc executable links the Swift runtime
# statically, which ThreadSanitizer's runtime does not start with. No suppressions: shared state
# is reached under `Locked` (a pthread mutex, which the sanitizer sees), not Synchronization's
# Mutex (futex calls, which it does not: every access under one read as a race).
set -euo pipefail
cd "$(dirname "$0")/.."

swift build --build-tests --sanitize=thread --scratch-path .build-tsan
TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1" \
    swift test --skip-build --sanitize=thread --scratch-path .build-tsan --filter 'StreamingCompileTests'
