#!/bin/sh
# Issue 4 figures: bundle and verify ~2 GB of evidence (90% video) against
# sha256sum over the same files, in the same run, warm page cache for all.
# usage: bench/package_bench.sh BUILD_DIR [MB]   (BUILD_DIR built with -DPP_BUILD_BENCH=ON)
# The corpus lives in a temporary folder under /tmp and is removed at the end.
set -eu
build=${1:?usage: package_bench.sh BUILD_DIR [MB]}
mb=${2:-2048}
bench="$build/package_bench"
work=$(mktemp -d /tmp/pp-package-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir "$work/corpus"
"$bench" gen "$work/corpus" "$mb"
files=$(cut -f1 "$work/corpus/corpus.tsv")
cat $files > /dev/null  # warm the cache for everyone

measure() {  # label command...: prints seconds and peak RSS (KB)
  label=$1; shift
  /usr/bin/time -v "$@" > "$work/$label.out" 2> "$work/$label.time"
  secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$work/$label.time")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/$label.time")
  echo "$label $secs $rss"
}

sha=$(measure sha256sum sha256sum $files)
bundle=$(measure bundle "$bench" bundle "$work/corpus" "$work/p.zip")
sha2=$(measure sha256sum_zip sha256sum "$work/p.zip")
verify=$(measure verify "$bench" verify "$work/p.zip")
echo "$sha"; echo "$bundle"; echo "$sha2"; echo "$verify"
bytes=$(du -b $files | awk '{s+=$1} END {print s}')
echo "$sha $bundle $verify $bytes" | awk '{
  printf "payload %.2f GB\n", $10/1e9;
  printf "sha256sum files  %6.2f s\n", $2;
  printf "bundle           %6.2f s  ratio %.2f  peak RSS %.1f MB\n", $5, $5/$2, $6/1024;
  printf "verify           %6.2f s  ratio %.2f  peak RSS %.1f MB\n", $8, $8/$2, $9/1024 }'
