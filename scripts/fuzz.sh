#!/usr/bin/env bash
# Fuzzes the whole compiler (YAML front end, lowering, checks, JSON and XML emitters), the
# command line (parsing and validation, then the command), and plan's --previous and
# --changed-paths, diff and import inputs, with libFuzzer through the cfc-fuzz target
# (Sources/cfc-fuzz/FuzzEntry.swift; its FuzzMode says how an input chooses).
#
#   scripts/fuzz.sh [SECONDS] [extra libFuzzer flags...]    (default: 60 seconds)
#
# Extra arguments are libFuzzer flags (-jobs=2, -seed=1, …); a bare directory would become the
# corpus libFuzzer writes to.
#
# Builds cfc-fuzz in .build-fuzz/ with -sanitize=fuzzer,address, seeds a working corpus with
# examples/*.yaml, the golden fixtures' inputs and everything under
# Tests/CFCHostileInputTests/Corpus/, and runs libFuzzer for SECONDS. The working corpus
# (.build-fuzz/corpus/) persists between runs (delete it to start again from the seeds: a
# corpus of thousands of files takes a while to load); crash, timeout and OOM inputs are written
# to .build-fuzz/artifacts/. Nothing is written outside .build-fuzz/.
#
# Exits non-zero if libFuzzer found a crash, a timeout, an OOM or a sanitizer report. Minimized
# findings belong in Tests/CFCHostileInputTests/Corpus/fuzz/, named after what they show.
#
# To replay or minimize a finding:
#   .build-fuzz/release/cfc-fuzz .build-fuzz/artifacts/crash-…
#   .build-fuzz/release/cfc-fuzz -minimize_crash=1 -runs=100000 .build-fuzz/artifacts/crash-…
# Environment: CFC_FUZZ_SANITIZERS (default "fuzzer,address"; "fuzzer" alone for a faster,
# less strict run).
set -euo pipefail
cd "$(dirname "$0")/.."

fuzz_seconds=${1:-60}
shift $(( $# > 0 ? 1 : 0 ))
if ! [[ $fuzz_seconds =~ ^[0-9]+$ ]]; then
    echo "usage: scripts/fuzz.sh [SECONDS] [extra libFuzzer flags...]" >&2
    exit 2
fi

scratch=.build-fuzz
work=$PWD/$scratch
mkdir -p "$work/shim" "$work/corpus" "$work/artifacts" "$work/tmp"

# AddressSanitizer links and runs with Swift 6.3's Linux toolchain, so it is on by default: it
# catches memory errors in libyaml's C code and in unsafe Swift. It costs speed (from the seeds,
# about 1,500 executions a second with it and 7,000 without) and makes allocation-heavy code
# (the path-pattern searches) about 25 times slower, so a -timeout=10 finding may take well
# under a second in a release build.
sanitizers=${CFC_FUZZ_SANITIZERS:-fuzzer,address}

# libFuzzer's main must run, not a Swift one. With FUZZING defined, FuzzEntry.swift has no
# @main, and -parse-as-library stops the file from being read as top-level code. But SwiftPM
# (tools version ≥ 5.5, on Linux) links every executable with `--defsym main=<module>_main`
# (so that tests can link executables), which leaves `main` pointing at a symbol nothing
# defines. This shim defines `cfc_fuzz_main` as libFuzzer's driver; where SwiftPM does not
# rename (or on a future toolchain that stops), libFuzzer's own main runs and the shim is unused.
cat > "$work/shim/fuzz_main.c" <<'EOF'
#include <stddef.h>
#include <stdint.h>
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *, size_t));
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int cfc_fuzz_main(int argc, char **argv) {
    return LLVMFuzzerRunDriver(&argc, &argv, LLVMFuzzerTestOneInput);
}
EOF
clang -c -O1 -o "$work/shim/fuzz_main.o" "$work/shim/fuzz_main.c"

# Release (optimized, preconditions and overflow checks kept) with debug info for stack traces.
swift build -c release --product cfc-fuzz --scratch-path "$scratch" \
    -Xswiftc "-sanitize=$sanitizers" \
    -Xswiftc -DFUZZING \
    -Xswiftc -parse-as-library \
    -Xswiftc -g \
    -Xlinker "$work/shim/fuzz_main.o"
binary=$(swift build -c release --product cfc-fuzz --scratch-path "$scratch" --show-bin-path)/cfc-fuzz

# Seeds, refreshed on every run (the repository's corpus may have grown). New inputs libFuzzer
# finds go into the first corpus directory, .build-fuzz/corpus/, never into the repository.
seeds=$work/seeds
rm -rf "$seeds"
mkdir -p "$seeds"
seed_count=0
add_seed() { # add_seed FILE NAME
    cp -- "$1" "$seeds/$2"
    seed_count=$((seed_count + 1))
}
for file in examples/*.yaml; do
    [ -f "$file" ] && add_seed "$file" "example-$(basename "$file")"
done
for file in Tests/CFCGoldenTests/Fixtures/*/input.yaml; do
    [ -f "$file" ] && add_seed "$file" "golden-$(basename "$(dirname "$file")").yaml"
done
if [ -d Tests/CFCHostileInputTests/Corpus ]; then
    while IFS= read -r -d '' file; do
        relative=${file#Tests/CFCHostileInputTests/Corpus/}
        add_seed "$file" "corpus-${relative//\//__}"
    done < <(find Tests/CFCHostileInputTests/Corpus -type f -print0)
fi
# Seeds for the other modes of the entry point (see FuzzMode in FuzzEntry.swift): the command
# line, plan with --previous and --changed-paths, diff, import. Parts are separated by \x1e,
# arguments by \x1f.
example=examples/custom-domain-acm.yaml
live=Tests/CFCImportTests/Fixtures/legacy-website/input.json
live_xml=Tests/CFCImportTests/Fixtures/legacy-website/input.xml
make_seed() { # make_seed NAME MODE-BYTE PART...
    local name=$1 mode=$2
    shift 2
    { printf "$mode"; local first=1; for part in "$@"; do
        [ $first -eq 1 ] || printf '\x1e'; first=0; cat -- "$part"; done; } > "$seeds/$name"
    seed_count=$((seed_count + 1))
}
arguments() { # arguments NAME ARGUMENT...: a file of the arguments joined by \x1f
    local name=$1
    shift
    local IFS=$'\x1f'
    printf '%s' "$*" > "$work/shim/args-$name"
    echo "$work/shim/args-$name"
}
printf '/index.html\n/img/*\n/a b/*.png\n' > "$work/shim/changed.txt"
printf 'E2QWRUHAPOMQZL' > "$work/shim/id.txt"
make_seed cli-check '\x01' "$(arguments check check --format sarif @1)" "$example"
make_seed cli-plan '\x01' "$(arguments plan plan --previous @2 --changed-paths @3 --distribution-id EDFDVBD6EXAMPLE @1)" "$example" "$live" "$work/shim/changed.txt"
make_seed cli-route '\x01' "$(arguments route route @1 GET https://www.example.com/img/a.png --http-version 2)" "$example"
make_seed cli-diff '\x01' "$(arguments diff diff --format json @2 @1)" "$example" "$live_xml"
make_seed plan-json '\x02' "$example" "$live" "$work/shim/changed.txt" "$work/shim/id.txt"
make_seed plan-xml '\x02' "$example" "$live_xml" "$work/shim/changed.txt"
make_seed diff '\x03' "$live" "$example"
make_seed import-json '\x04' "$live"
make_seed import-xml '\x04' "$live_xml"
echo "fuzz.sh: $seed_count seed files; working corpus has $(find "$work/corpus" -type f | wc -l) files"

if [ -z "${ASAN_SYMBOLIZER_PATH:-}" ] && command -v llvm-symbolizer > /dev/null; then
    export ASAN_SYMBOLIZER_PATH=$(command -v llvm-symbolizer)
fi

log=$work/fuzz-$(date +%Y%m%d-%H%M%S).log
artifacts_before=$(find "$work/artifacts" -type f | wc -l)
echo "fuzz.sh: fuzzing for $fuzz_seconds s; log in $log"
set +e
# The entry point writes the parts of multi-part inputs under $TMPDIR: here, not /tmp.
TMPDIR=$work/tmp "$binary" \
    -max_total_time="$fuzz_seconds" \
    -max_len=65536 \
    -timeout=10 \
    -rss_limit_mb=2048 \
    -print_final_stats=1 \
    -dict=scripts/fuzz.dict \
    -artifact_prefix="$work/artifacts/" \
    "$@" \
    "$work/corpus" "$seeds" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
artifacts_after=$(find "$work/artifacts" -type f | wc -l)

echo
echo "==== cfc-fuzz summary ($fuzz_seconds s requested) ===="
grep -E '^#[0-9]+' "$log" | grep -E 'cov: ' | tail -n 1 || true
grep -E '^stat::' "$log" || true
grep -E '^(==[0-9]+==ERROR|SUMMARY:|Fatal error|.*artifact_prefix|Test unit written to)' "$log" || true
echo "working corpus: $(find "$work/corpus" -type f | wc -l) files; new artifacts: $((artifacts_after - artifacts_before))"

if [ "$status" -ne 0 ] || [ "$artifacts_after" -gt "$artifacts_before" ]; then
    echo "fuzz.sh: libFuzzer found a crash, timeout, OOM or sanitizer report (exit $status); see $work/artifacts/" >&2
    exit $(( status != 0 ? status : 1 ))
fi
