#!/usr/bin/env bash
# Builds the libFuzzer harnesses (clang, ASan + UBSan) and runs each for a
# bounded time from a seed corpus of our fixtures; fails on any crash, leak,
# timeout or memory blow-up (issue 11). Prints executions per harness.
#   fuzz/run.sh            # 20 s per harness, build in build-fuzz/
#   fuzz/run.sh 15         # 15 s per harness
#   LODE_FUZZ_BUILD=dir fuzz/run.sh
# A crash leaves its input in build-fuzz/artifacts/<harness>-crash-*: add it
# to tests/ as a fixture and a regression test, then fix the reader.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
build=${LODE_FUZZ_BUILD:-build-fuzz}
harnesses=(xml html json bibtex tagged text pdf)
# The fixtures each harness starts from, by extension (plus fuzz/seeds/<harness>/).
declare -A exts=([xml]="xml" [html]="htm html" [json]="json jsonl" [bibtex]="bib" [tagged]="txt ris" [text]="md csv txt" [pdf]="pdf")

launcher=()
command -v ccache >/dev/null 2>&1 && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
CC=clang CXX=clang++ cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLODE_FUZZ=ON -DLODE_SANITIZE=ON \
  -DLODE_BUILD_TESTS=OFF -DLODE_BUILD_BENCH=OFF -DLODE_BUILD_WEB=OFF "${launcher[@]}" >/dev/null
targets=()
for h in "${harnesses[@]}"; do targets+=(--target "fuzz_$h"); done
nice cmake --build "$build" -j"${LODE_JOBS:-2}" "${targets[@]}" >/dev/null

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export LSAN_OPTIONS=suppressions="$PWD/tests/lsan.supp"
mkdir -p "$build/artifacts"
stats="$build/fuzz-stats.tsv"
printf 'harness\tseconds\tseeds\texecs\texecs_per_s\tresult\n' >"$stats"
failed=0
for h in "${harnesses[@]}"; do
  corpus="$build/corpus/$h"
  rm -rf "$corpus" && mkdir -p "$corpus"
  # Named by their path: fixtures in different folders share names.
  for e in ${exts[$h]}; do
    while IFS= read -r f; do cp "$f" "$corpus/$(echo "${f#tests/fixtures/}" | tr / _)"; done \
      < <(find tests/fixtures -type f -name "*.$e")
  done
  if [ -d "fuzz/seeds/$h" ]; then cp fuzz/seeds/"$h"/* "$corpus"/; fi
  seeds=$(ls "$corpus" | wc -l)
  log="$build/fuzz-$h.log"
  result=ok
  # -timeout: one input taking 10 s is a hang; -rss_limit_mb and
  # -malloc_limit_mb: a reader growing past 2 GB is a failure too.
  if ! "$build/fuzz/fuzz_$h" "$corpus" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
       -malloc_limit_mb=1024 -max_len=65536 -print_final_stats=1 -artifact_prefix="$build/artifacts/$h-" \
       >"$log" 2>&1; then
    result=FAILED
    failed=1
    grep -E "ERROR|SUMMARY|Test unit written" "$log" | head -5 >&2 || true
  fi
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$h" "$seconds" "$seeds" "${execs:-?}" "${rate:-?}" "$result" >>"$stats"
done
if command -v column >/dev/null 2>&1; then column -t -s $'\t' "$stats"; else cat "$stats"; fi
exit "$failed"
