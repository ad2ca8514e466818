#!/usr/bin/env bash
# Video scan figures (README "Figures (video)"), in one run on this machine:
#  1. a generated 10-minute 1080p30 H.264 packing video (key frame every
#     second, as phones record) with a label readable for 4 s at 5:00:
#     `parcelproof scan` wall time against ffmpeg -vf fps=2 to PNG + zbarimg;
#  2. the same on a 20-second clip;
#  3. peak memory (/usr/bin/time -v) of scanning a 4K HEVC clip;
#  4. the same video scanned twice gives byte-identical JSON.
# usage: bench/video_bench.sh [BUILD_DIR] [WORK_DIR]
set -euo pipefail
build=${1:-build}
work=${2:-/tmp/pp-video-bench}
pp="$build/parcelproof"
mkdir -p "$work"
log() { printf '%s\n' "$*" >&2; }

if [ ! -f "$work/label.png" ]; then
  "$build/pp-samplegen" --out "$work/gen" --flat-labels --only s01 >/dev/null
  ffmpeg -nostdin -loglevel error -y -i "$work"/gen/s01_*.jpg -vf scale=900:-2 "$work/label.png"
fi

# A busy moving background (testsrc2), the label crossing it for 4 s. The
# 10-minute video is ten 1-minute segments joined without re-encoding
# (continuous timestamps); the label is in the sixth, from 5:30 to 5:34.
segment() {  # out seconds size label_from(or -) codec extra...
  local out=$1 secs=$2 size=$3 from=$4 codec=$5
  shift 5
  [ -f "$out" ] && return
  local label=() f="[0]format=yuv420p"
  if [ "$from" != - ]; then  # (an unused looped input would never end)
    label=(-loop 1 -i "$work/label.png")
    f="[0][1]overlay=x='(W-w)*0.3+(W-w)*0.2*(t-$from)/4':y='(H-h)/2':enable='between(t,$from,$from+4)':shortest=1,format=yuv420p"
  fi
  ffmpeg -nostdin -loglevel error -y -f lavfi -i "testsrc2=s=$size:r=30:d=$secs" "${label[@]}" \
    -filter_complex "$f" -c:v "$codec" -g 30 "$@" "$out"
}

log "generating videos in $work (once)"
segment "$work/plain.mp4" 60 1920x1080 - libx264 -preset ultrafast -crf 30
segment "$work/labelled.mp4" 60 1920x1080 30 libx264 -preset ultrafast -crf 30
if [ ! -f "$work/long.mp4" ]; then
  for f in plain plain plain plain plain labelled plain plain plain plain; do echo "file '$work/$f.mp4'"; done > "$work/list.txt"
  ffmpeg -nostdin -loglevel error -y -f concat -safe 0 -i "$work/list.txt" -c copy "$work/long.mp4"
fi
segment "$work/short.mp4" 20 1920x1080 8 libx264 -preset ultrafast -crf 30
segment "$work/4k.mp4" 3 3840x2160 0 libx265 -preset ultrafast -x265-params log-level=error

seconds() { /usr/bin/env python3 -c 'import time; print(time.time())'; }

# user + system seconds from /usr/bin/time -f "%e %U %S" (its last line: a
# first line may say "Command exited with non-zero status", as xargs does
# when zbarimg finds nothing in some frames)
cpu() { tail -n 1 "$1" | awk '{print $2 + $3}'; }

compare() {  # name file
  local name=$1 file=$2
  local t0 t1 t2
  t0=$(seconds)
  /usr/bin/time -f "%e %U %S" -o "$work/$name.ours.time" \
    "$pp" scan --json --jobs 2 "$file" > "$work/$name.scan.json"
  t1=$(seconds)
  rm -rf "$work/$name.png.d" && mkdir -p "$work/$name.png.d"
  /usr/bin/time -f "%e %U %S" -o "$work/$name.ffmpeg.time" \
    ffmpeg -nostdin -loglevel error -threads 2 -i "$file" -vf fps=2 "$work/$name.png.d/f%05d.png"
  /usr/bin/time -f "%e %U %S" -o "$work/$name.zbar.time" sh -c \
    "find '$work/$name.png.d' -name '*.png' | sort | xargs -P 2 -n 50 zbarimg -q --raw > '$work/$name.zbar.txt' 2>/dev/null" || true
  t2=$(seconds)
  local ours theirs
  ours=$(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(' '.join(sorted({b['text'] for v in d['videos'] for b in v['barcodes']})))" "$work/$name.scan.json")
  theirs=$(sort -u "$work/$name.zbar.txt" | tr '\n' ' ')
  python3 - "$name" "$t0" "$t1" "$t2" "$(cpu "$work/$name.ours.time")" \
    "$(cpu "$work/$name.ffmpeg.time")" "$(cpu "$work/$name.zbar.time")" "$ours" "$theirs" <<'PY'
import sys
name, t0, t1, t2, c_ours, c_ff, c_zb = sys.argv[1], *map(float, sys.argv[2:8])
ours, theirs = sys.argv[8], sys.argv[9]
a, b = t1 - t0, t2 - t1
print(f"{name}: parcelproof scan {a:.1f} s wall ({c_ours:.1f} s CPU), "
      f"ffmpeg fps=2 + zbarimg {b:.1f} s wall ({c_ff + c_zb:.1f} s CPU), "
      f"speed-up {b / a:.1f}x wall, {(c_ff + c_zb) / c_ours:.1f}x CPU")
print(f"  parcelproof read: {ours}")
print(f"  zbarimg read:     {theirs}")
PY
}

echo "load average before: $(uptime | sed 's/.*load average: //')"
# VIDEO_BENCH_SKIP_LONG=1: only the short and 4K figures (the long run takes
# about 15 minutes on a loaded machine).
[ -n "${VIDEO_BENCH_SKIP_LONG:-}" ] || compare long "$work/long.mp4"
compare short "$work/short.mp4"

# Maximum resident set size covers the parent and its waited-for workers.
/usr/bin/time -v "$pp" scan --json "$work/4k.mp4" > "$work/4k.scan.json" 2> "$work/4k.time"
echo "4K HEVC: $(grep -E 'Maximum resident' "$work/4k.time" | sed 's/^\s*//'), read: $(python3 -c "import json,sys; print(sorted({b['text'] for v in json.load(open(sys.argv[1]))['videos'] for b in v['barcodes']}))" "$work/4k.scan.json")"

"$pp" scan --json "$work/short.mp4" > "$work/short.2.json"
"$pp" scan --json "$work/short.mp4" > "$work/short.3.json"
echo "load average after: $(uptime | sed 's/.*load average: //')"
if cmp -s "$work/short.2.json" "$work/short.3.json"; then echo "repeat scans byte-identical: yes"; else echo "repeat scans byte-identical: NO"; fi
