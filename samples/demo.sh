#!/usr/bin/env bash
# parcelproof demo: the main job on the bundled sample photos.
#   samples/demo.sh BUILD_DIR
# 1. generates the sample label photos into BUILD_DIR/samples (once);
# 2. checks every photo's label against its order, as a pack station would
#    before dispatch, and compares each verdict with the one expected.
# Exits 0 when every verdict is the expected one (the deliberate mismatches
# must come out MISMATCH, the blurred photo UNREADABLE), 1 otherwise.
set -euo pipefail

build=${1:-build}
cli="$build/parcelproof"
gen="$build/pp-samplegen"
samples="$build/samples"

section() { printf '\n== %s\n' "$*"; }
die() { echo "demo: $*" >&2; exit 2; }

[ -x "$cli" ] || die "$cli not found: build first (./setup.sh build)"
[ -x "$gen" ] || die "$gen not found: build first (./setup.sh build)"
command -v python3 >/dev/null || die "python3 is needed to read expected.json"

# --- 1. Sample photos --------------------------------------------------------
section "1. Sample label photos ($samples)"
if [ ! -f "$samples/expected.json" ]; then
  "$gen" --out "$samples"
else
  echo "already generated; delete $samples to regenerate"
fi

# One line per photo: file, order id, expected verdict, description.
photo_list() {
  python3 - "$samples/expected.json" <<'PY'
import json, sys
for p in json.load(open(sys.argv[1]))["photos"]:
    print("\t".join([p["file"], p["order_id"], p["verdict"], p["description"]]))
PY
}

# --- 2. Pre-dispatch label check ----------------------------------------------
section "2. Label check: parcelproof check PHOTO --order orders.json --order-id ID"
total=0
wrong=0
while IFS=$'\t' read -r file order expected description; do
  total=$((total + 1))
  code=0
  out=$("$cli" check "$samples/$file" --order "$samples/orders.json" --order-id "$order" 2>&1) ||
    code=$?
  verdict=$(awk 'NR==1 {print $1}' <<<"$out")
  if [ "$verdict" = "$expected" ]; then
    mark="ok"
  else
    mark="UNEXPECTED (wanted $expected)"
    wrong=$((wrong + 1))
  fi
  printf '\n%-10s %-36s order %-20s exit %d  %s\n' "$verdict" "$file" "$order" "$code" "$mark"
  printf '           (%s)\n' "$description"
  tail -n +2 <<<"$out"
done < <(photo_list)

# --- Summary ------------------------------------------------------------------
section "Summary"
echo "$((total - wrong)) of $total photos got the expected verdict"
if [ "$wrong" -ne 0 ]; then
  echo "demo: $wrong verdict(s) differ from samples/expected.json" >&2
  exit 1
fi
echo "demo: all verdicts as expected"
