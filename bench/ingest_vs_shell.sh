#!/bin/sh
# Ingest throughput against a shell loop doing the same per file with
# standard tools (sha256sum, exiftool -j, zbarimg, cp), on the same files in
# the same run, plus peak memory of the ingest (GNU time: maximum resident
# set size, which covers the scanner's worker processes).
#
# usage: bench/ingest_vs_shell.sh SOURCE_DIR COUNT PARCELPROOF [LOOP_COUNT]
#   SOURCE_DIR  photos (*.jpg) and orders.json, e.g. from
#               pp-samplegen --out DIR --corpus 100 --megapixels 12
#   COUNT       photos to ingest; when SOURCE_DIR has fewer, files are reused
#               with a distinct trailer after the JPEG end-of-image marker
#               (same pixels, distinct bytes, so none is a duplicate)
#   LOOP_COUNT  photos the shell loop processes (default: all COUNT); its
#               rate is per photo, so a subset gives the same ratio sooner
set -eu
src=$1
count=$2
pp=$3
loop_count=${4:-$count}
work=$(mktemp -d /tmp/pp-ingest-bench-XXXXXX)
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT

mkdir "$work/photos" "$work/copies"
set -- "$src"/*.jpg
n_src=$#
i=0
while [ "$i" -lt "$count" ]; do
  k=$((i % n_src + 1))
  eval f=\${$k}
  if [ "$i" -lt "$n_src" ]; then
    cp "$f" "$work/photos/p$(printf %04d "$i").jpg"
  else
    { cat "$f"; printf 'bench copy %d' "$i"; } > "$work/photos/p$(printf %04d "$i").jpg"
  fi
  i=$((i + 1))
done
mb=$(du -sm "$work/photos" | cut -f1)
echo "photos: $count files, $mb MB, from $n_src distinct images in $src"
echo "cores: $(nproc); load before: $(cut -d' ' -f1-3 /proc/loadavg)"

"$pp" init --store "$work/store" > /dev/null
if [ -f "$src/orders.json" ]; then "$pp" orders import "$src/orders.json" --store "$work/store" > /dev/null; fi
/usr/bin/time -v -o "$work/time.txt" "$pp" ingest "$work/photos" --store "$work/store" \
  > "$work/ingest.txt" || true
tail -n 1 "$work/ingest.txt" | head -c 200; grep -m1 'stored,' "$work/ingest.txt" || true
ingest_s=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$work/time.txt")
rss_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
cpu_s=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {print u+s}' "$work/time.txt")

ls "$work/photos"/*.jpg | head -n "$loop_count" > "$work/loop.txt"
cat > "$work/loop.sh" <<LOOP
while read -r f; do
  sha256sum "\$f"
  exiftool -j "\$f"
  zbarimg -q "\$f" || true
  cp "\$f" "$work/copies/"
done < "$work/loop.txt" > /dev/null 2>&1
LOOP
start=$(date +%s.%N)
/usr/bin/time -f "%U %S" -o "$work/loop-time.txt" sh "$work/loop.sh"
end=$(date +%s.%N)
loop_cpu=$(awk '{print $1 + $2}' "$work/loop-time.txt")

awk -v n="$count" -v t="$ingest_s" -v cpu="$cpu_s" -v rss="$rss_kb" -v ln="$loop_count" -v lcpu="$loop_cpu" \
    -v s="$start" -v e="$end" 'BEGIN {
  lt = e - s; ir = n / t; lr = ln / lt;
  printf "parcelproof ingest: %d photos in %.1f s = %.2f photos/s (CPU %.1f s), peak RSS %.0f MB\n", n, t, ir, cpu, rss / 1024;
  printf "shell loop (sha256sum, exiftool -j, zbarimg, cp): %d photos in %.1f s = %.2f photos/s (CPU %.1f s)\n", ln, lt, lr, lcpu;
  printf "ratio (photos/s): %.1fx; CPU seconds per photo: ingest %.3f, shell loop %.3f (%.1fx)\n", ir / lr, cpu / n, lcpu / ln, (lcpu / ln) / (cpu / n) }'
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
