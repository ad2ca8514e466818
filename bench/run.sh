#!/usr/bin/env bash
# Runs every benchmark under bench/ against the build in $1 (default: build).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
for b in bench/*_bench.py; do
  echo "== $b"
  python3 "$b" --build "$build"
done
for b in bench/*_bench.sh; do
  [ -e "$b" ] || continue
  echo "== $b"
  bash "$b" "$build"
done
