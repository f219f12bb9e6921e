#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/, clang) in build-fuzz and runs each over its seed
# corpus (tests/fuzz/corpus/<target>/). See docs/fuzzing.md.
#   scripts/fuzz.sh [seconds]            every target for `seconds` (default 30) on a copy of
#                                        its corpus in a temporary folder: the repository
#                                        is left as it was
#   scripts/fuzz.sh --long [seconds]     every target for `seconds` (default 3600), keeping
#                                        what it learns in build-fuzz/corpus/<target>/ from
#                                        one long run to the next
#   --merge                              then add the fewest inputs that reach code the
#                                        seeds do not to tests/fuzz/corpus/<target>/
#   --target NAME                        only this target (repeatable): workflow, reference,
#                                        sse, mcp_session, http_request, csv, bundle,
#                                        docparsers, multipart, guard
#   --jobs N                             build with N jobs (default 1)
#   --no-build                           use the targets already built
# Everything runs under `nice`. Prints, per target, the executions, executions per second
# and crashes; exits 1 if any target crashed (the input is kept in build-fuzz/crashes/).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${FLOWDECK_FUZZ_BUILD_DIR:-$ROOT/build-fuzz}"
ALL_TARGETS=(workflow reference sse mcp_session http_request csv bundle docparsers multipart guard difyimport)

seconds=""
long=0
merge=0
jobs=1
build=1
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --long) long=1 ;;
    --merge) merge=1 ;;
    --target|--jobs)
      [ $# -ge 2 ] || { echo "fuzz.sh: $1 needs a value (see --help)" >&2; exit 2; }
      if [ "$1" = --target ]; then targets+=("$2"); else jobs="$2"; fi
      shift ;;
    --no-build) build=0 ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *[!0-9]*|"") echo "fuzz.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
    *) seconds="$1" ;;
  esac
  shift
done
[ -n "$seconds" ] || { [ $long -eq 1 ] && seconds=3600 || seconds=30; }
[ ${#targets[@]} -gt 0 ] || targets=("${ALL_TARGETS[@]}")
for t in "${targets[@]}"; do
  [ -d "$ROOT/tests/fuzz/corpus/$t" ] || { echo "fuzz.sh: no target '$t' (no tests/fuzz/corpus/$t)" >&2; exit 2; }
done

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

if [ $build -eq 1 ]; then
  if ! command -v clang++ >/dev/null 2>&1; then
    echo "fuzz.sh: clang++ is missing (apt-get install clang libclang-rt-14-dev)" >&2
    exit 2
  fi
  if [ ! -f "$BUILD_DIR/build.ninja" ]; then
    say "Configuring $BUILD_DIR (clang, fuzz targets only)"
    # A build type of its own: the fuzz targets set their flags (-O1, asserts on).
    CC=clang CXX=clang++ nice -n 15 cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Fuzz \
      -DFLOWDECK_BUILD_FUZZ=ON -DFLOWDECK_BUILD_STUDIO=OFF -DFLOWDECK_BUILD_TESTS=OFF \
      -DFLOWDECK_BUILD_BENCH=OFF -DFLOWDECK_PACKAGING=OFF >/dev/null
  fi
  say "Building the fuzz targets (-j$jobs)"
  build_targets=()
  for t in "${targets[@]}"; do build_targets+=("fuzz_$t"); done
  nice -n 15 cmake --build "$BUILD_DIR" --target "${build_targets[@]}" -- -j"$jobs"
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/flowdeck-fuzz.XXXXXX")"
trap 'rm -rf "$work"' EXIT
mkdir -p "$BUILD_DIR/crashes"

failed=0
summary=()
for t in "${targets[@]}"; do
  seeds="$ROOT/tests/fuzz/corpus/$t"
  if [ $long -eq 1 ]; then
    corpus="$BUILD_DIR/corpus/$t"
    mkdir -p "$corpus"
  else
    corpus="$work/corpus-$t"
    mkdir -p "$corpus"
  fi
  artifacts="$work/artifacts-$t"
  mkdir -p "$artifacts"
  # An input running for a minute is a hang; a shorter limit would take a few seconds
  # without the CPU on a busy machine (the runs are niced) for one.
  options=(-max_total_time="$seconds" -print_final_stats=1 -timeout=60 -report_slow_units=60
           -rss_limit_mb=2048 -artifact_prefix="$artifacts/")
  [ -f "$ROOT/fuzz/$t.dict" ] && options+=(-dict="$ROOT/fuzz/$t.dict")
  say "fuzz_$t for ${seconds}s"
  log="$work/$t.log"
  # New inputs go to the first folder (the working corpus); the seeds are only read.
  status=0
  (cd "$work" && nice -n 15 "$BUILD_DIR/bin/fuzz_$t" "${options[@]}" "$corpus" "$seeds") >"$log" 2>&1 || status=$?
  execs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
  rate="$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)"
  if [ -z "$execs" ]; then  # no final statistics after a crash: the last progress line
    execs="$(grep -oE '^#[0-9]+' "$log" | tail -1 | tr -d '#')"
    rate="$(grep -oE 'exec/s: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+' || true)"
  fi
  crashes=0
  for a in "$artifacts"/crash-* "$artifacts"/leak-* "$artifacts"/timeout-* "$artifacts"/oom-*; do
    [ -e "$a" ] || continue  # (slow-unit-* files are not failures: a busy machine makes them)
    crashes=$((crashes + 1))
    cp "$a" "$BUILD_DIR/crashes/fuzz_${t}-$(basename "$a")"
  done
  if [ "$status" -ne 0 ] && [ "$crashes" -eq 0 ]; then
    crashes=1  # it ended badly without writing an input (the harness itself failed)
  fi
  line="$(printf '%-13s %12s executions %8s exec/s %3s crashes' "$t" "${execs:-?}" "${rate:-?}" "$crashes")"
  summary+=("$line")
  echo "$line"
  if [ "$crashes" -ne 0 ]; then
    failed=1
    grep -E 'ERROR: |runtime error|SUMMARY: |Test unit written' "$log" | head -20 >&2 || true
    echo "fuzz.sh: fuzz_$t crashed; the input is in $BUILD_DIR/crashes/, the log follows" >&2
    tail -60 "$log" >&2
  fi
  if [ $merge -eq 1 ] && [ "$crashes" -eq 0 ]; then
    # Only inputs that reach code the seeds do not, as few as cover it.
    before=$(find "$seeds" -type f | wc -l)
    (cd "$work" && nice -n 15 "$BUILD_DIR/bin/fuzz_$t" -merge=1 -timeout=60 "$seeds" "$corpus") >"$work/$t.merge.log" 2>&1
    echo "   merged $(( $(find "$seeds" -type f | wc -l) - before )) new inputs into tests/fuzz/corpus/$t"
  fi
done

say "Summary (${seconds}s per target)"
printf '%s\n' "${summary[@]}"
exit $failed
