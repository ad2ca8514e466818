#!/usr/bin/env bash
# Runs every libFuzzer target of a PP_FUZZ build for SECONDS each, from its
# seed corpus (fuzz/corpus/NAME/, copied so the repository is not written).
#   fuzz/run.sh BUILD_DIR SECONDS [NAME...]
# Exits non-zero when any target finds a crash, a leak or a timeout; the
# reproducer is left in BUILD_DIR/fuzz-out/NAME/ (crash-*, leak-*, timeout-*).
set -uo pipefail
build=$1; seconds=$2; shift 2
root=$(cd "$(dirname "$0")/.." && pwd)
names=("$@")
if [ ${#names[@]} -eq 0 ]; then
  for f in "$root"/fuzz/*_fuzz.cc; do names+=("$(basename "$f" .cc)"); done
fi
jobs=$(nproc 2>/dev/null || echo 2)
run_one() {
  local name=$1 out="$build/fuzz-out/$1" seeds="$root/fuzz/corpus/${1%_fuzz}"
  mkdir -p "$out/corpus"
  [ -d "$seeds" ] && cp -r "$seeds"/. "$out/corpus/" 2>/dev/null
  local dict=()
  [ -f "$root/fuzz/${1%_fuzz}.dict" ] && dict=(-dict="$root/fuzz/${1%_fuzz}.dict")
  if "$build/$name" "$out/corpus" "${dict[@]}" -max_total_time="$seconds" -timeout=10 \
      -rss_limit_mb=2048 -max_len=65536 -artifact_prefix="$out/" -print_final_stats=1 \
      >"$out/log.txt" 2>&1; then
    printf 'fuzz %-22s ok    %s\n' "$name" "$(grep -E '^stat::number_of_executed_units' "$out/log.txt" | awk '{print $2}') runs, $(grep -oE 'cov: [0-9]+' "$out/log.txt" | tail -1)"
  else
    printf 'fuzz %-22s FAILED (see %s)\n' "$name" "$out/log.txt"
    grep -E 'ERROR|SUMMARY|Test unit written' "$out/log.txt" | head -5
    return 1
  fi
}
export -f run_one; export build root seconds
printf '%s\n' "${names[@]}" | xargs -P"$jobs" -I{} bash -c 'run_one {}'
