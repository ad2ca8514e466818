#!/bin/sh
# Chat parsing: parcelproof chat --json against the npm package
# whatsapp-chat-parser (installed into a temporary folder by this script
# only; never a build dependency) on generated 100,000-message WhatsApp
# exports in every format both read, in the same run; then the peak memory
# of parcelproof on a 200 MB export.
#
# usage: bench/chat_bench.sh [BUILD_DIR] [MESSAGES] [BIG_MB]
set -eu
BUILD=${1:-build}
N=${2:-100000}
BIG_MB=${3:-200}
HERE=$(cd "$(dirname "$0")" && pwd)
PP=$(cd "$BUILD" && pwd)/parcelproof
WORK=$(mktemp -d /tmp/chat-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

echo "installing whatsapp-chat-parser into $WORK/npm"
npm install --silent --no-audit --no-fund --prefix "$WORK/npm" whatsapp-chat-parser >/dev/null
NPM_VERSION=$(node -p "require('$WORK/npm/node_modules/whatsapp-chat-parser/package.json').version")
cat >"$WORK/npm_parse.cjs" <<'JS'
// node npm_parse.cjs IN OUT: parseString, then the messages as JSON (local times, TZ=UTC).
const fs = require('fs');
const { parseString } = require(process.env.NPM_DIR + '/node_modules/whatsapp-chat-parser');
const t0 = process.hrtime.bigint();
const messages = parseString(fs.readFileSync(process.argv[2], 'utf8'));
const out = messages.map(m => ({ date: isNaN(m.date) ? null : m.date.toISOString().slice(0, 19),
                                 author: m.author, message: m.message }));
fs.writeFileSync(process.argv[3], JSON.stringify(out));
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
process.stderr.write(`parse+write ${ms.toFixed(0)} ms\n`);
JS

# Runs a command 3 times; prints "wall cpu" (seconds) of the run with the least CPU.
best_of_3() {
  best=""
  for _ in 1 2 3; do
    /usr/bin/time -f '%e %U %S' -o "$WORK/t.txt" "$@" 2>/dev/null >/dev/null
    read -r wall user sys <"$WORK/t.txt"
    cpu=$(echo "$user + $sys" | bc -l)
    if [ -z "$best" ] || [ "$(echo "$cpu < ${best#* }" | bc -l)" = 1 ]; then best="$wall $cpu"; fi
  done
  echo "$best"
}

echo "whatsapp-chat-parser $NPM_VERSION, node $(node --version), $N messages per format"
startup=$(best_of_3 "$PP" chat "$HERE/../tests/golden/chat/android_de.txt")
echo "parcelproof start-up (a 6-message chat): wall ${startup% *} s, CPU ${startup#* } s"
printf '%-16s %7s %15s %15s %12s %12s  %s\n' format MB "npm wall/CPU s" "ours wall/CPU s" "ratio wall" "ratio CPU" agreement
status=0
for fmt in android-24h-dmy android-12h-mdy android-de android-es-12h android-ymd ios-24h-dmy ios-12h-mdy; do
  in="$WORK/$fmt.txt"
  python3 "$HERE/chat_gen.py" "$fmt" "$N" "$in"
  size=$(echo "scale=1; $(stat -c %s "$in") / 1000000" | bc -l)
  npm=$(NPM_DIR="$WORK/npm" TZ=UTC best_of_3 node "$WORK/npm_parse.cjs" "$in" "$WORK/npm.json")
  ours=$(best_of_3 sh -c "exec \"$PP\" chat --json \"$in\" > \"$WORK/ours.json\"")
  rw=$(echo "scale=1; ${npm% *} / ${ours% *}" | bc -l)
  rc=$(echo "scale=1; ${npm#* } / ${ours#* }" | bc -l)
  agree=$(python3 "$HERE/chat_compare.py" "$WORK/ours.json" "$WORK/npm.json") || status=1
  printf '%-16s %7s %15s %15s %11sx %11sx  %s\n' "$fmt" "$size" "${npm% *}/${npm#* }" "${ours% *}/${ours#* }" "$rw" "$rc" "$(echo "$agree" | head -1)"
  echo "$agree" | tail -n +2
done

big="$WORK/big.txt"
python3 "$HERE/chat_gen.py" android-24h-dmy "${BIG_MB}MB" "$big"
size=$(echo "scale=1; $(stat -c %s "$big") / 1000000" | bc -l)
/usr/bin/time -f '%M %e' -o "$WORK/time.txt" "$PP" chat --json "$big" >/dev/null
set -- $(cat "$WORK/time.txt")
echo "peak memory on a $size MB export: $(($1 / 1024)) MB (parcelproof chat --json, $2 s)"
exit $status
