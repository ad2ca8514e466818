#!/bin/sh
# Chat parsing: parcelproof chat --json against the npm package
# whatsapp-chat-parser (installed into a temporary folder by this script
# only; never a build dependency) on generated 100,000-message WhatsApp
# exports in every format both read, in the same run: end to end (one
# process each, start-up included) and in process (a timed parse call:
# chat_parse_bench for ours, parseString inside node for theirs, best of 5
# each; wall and CPU time; the CPU ratio also without the file's SHA-256,
# timed apart by chat_parse_bench). Then the peak memory of parcelproof on a 200 MB export: chat,
# ingest, timeline and bundle.
#
# usage: bench/chat_bench.sh [BUILD_DIR] [MESSAGES] [BIG_MB]
# IN_RUNS (default 5): the in-process timings are the best of that many
# runs, for both parsers alike (more runs steady them on a loaded machine).
# BUILD_DIR needs parcelproof and, for the in-process ratio, chat_parse_bench
# (configure with -DPP_BUILD_BENCH=ON, build target chat_parse_bench).
set -eu
BUILD=${1:-build}
N=${2:-100000}
BIG_MB=${3:-200}
IN_RUNS=${IN_RUNS:-5}
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
cat >"$WORK/npm_time.cjs" <<'JS'
// node npm_time.cjs IN [RUNS]: the file read once, then parseString timed RUNS (5) times;
// prints the best wall ms, the best CPU ms (process.cpuUsage: every thread
// of node, its garbage collector's included) and the message count.
const fs = require('fs');
const { parseString } = require(process.env.NPM_DIR + '/node_modules/whatsapp-chat-parser');
const text = fs.readFileSync(process.argv[2], 'utf8');
let best = Infinity, bestCpu = Infinity, n = 0;
const runs = Number(process.argv[3] || 5);
for (let i = 0; i < runs; i++) {
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  n = parseString(text).length;
  const c = process.cpuUsage(c0);
  best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e6);
  bestCpu = Math.min(bestCpu, (c.user + c.system) / 1e3);
}
console.log(`${best.toFixed(1)} ${bestCpu.toFixed(1)} ${n}`);
JS
PARSE_BENCH=$(cd "$BUILD" && pwd)/chat_parse_bench
[ -x "$PARSE_BENCH" ] || PARSE_BENCH=""

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
printf '%-16s %6s %14s %14s %9s %9s %20s %20s %12s  %s\n' format MB "npm wall/CPU s" "ours wall/CPU" "ratio wall" "ratio CPU" "in-proc wall ms npm/ours" "in-proc CPU ms npm/ours" "CPU w/o hash" agreement
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
  inwall="-"; incpu="-"; nohash="-"
  if [ -n "$PARSE_BENCH" ]; then
    set -- $(NPM_DIR="$WORK/npm" TZ=UTC node "$WORK/npm_time.cjs" "$in" "$IN_RUNS")
    npm_ms=$1; npm_cpu=$2
    set -- $("$PARSE_BENCH" "$in" "$IN_RUNS" parse)
    ours_ms=$4; ours_cpu=$8; sha_cpu=${12}
    inwall="$npm_ms/$ours_ms=$(echo "scale=1; $npm_ms / $ours_ms" | bc -l)x"
    incpu="$npm_cpu/$ours_cpu=$(echo "scale=1; $npm_cpu / $ours_cpu" | bc -l)x"
    # The same parse less the file's SHA-256 alone (timed apart).
    nohash="$(echo "scale=1; $npm_cpu / ($ours_cpu - $sha_cpu)" | bc -l)x"
  fi
  printf '%-16s %6s %14s %14s %8sx %8sx %20s %20s %12s  %s\n' "$fmt" "$size" "${npm% *}/${npm#* }" "${ours% *}/${ours#* }" "$rw" "$rc" "$inwall" "$incpu" "$nohash" "$(echo "$agree" | head -1)"
  echo "$agree" | tail -n +2
done

big="$WORK/big.txt"
python3 "$HERE/chat_gen.py" android-24h-dmy "${BIG_MB}MB" "$big"
size=$(echo "scale=1; $(stat -c %s "$big") / 1000000" | bc -l)
echo "peak memory (max RSS) on a $size MB export:"
peak() {  # peak LABEL COMMAND...
  label=$1; shift
  /usr/bin/time -f '%M %e' -o "$WORK/time.txt" "$@" >/dev/null 2>"$WORK/err.txt" || {
    echo "  $label failed: $(tail -1 "$WORK/err.txt")"; status=1; return; }
  set -- $(cat "$WORK/time.txt")
  echo "  $label: $(($1 / 1024)) MB, $2 s"
}
export SOURCE_DATE_EPOCH=1773500000
S="$WORK/store"
peak "chat --json" "$PP" chat --json "$big"
"$PP" init --store "$S" >/dev/null
printf '{"id":"BIG-1","recipient":{"name":"A","postal_code":"1","country":"DE"},"times":{"placed":"2021-01-01T00:00:00Z"}}' >"$WORK/o.json"
"$PP" orders import --store "$S" "$WORK/o.json" >/dev/null
peak "ingest" "$PP" ingest --store "$S" "$big" --order BIG-1 --role chat --zone +01:00
peak "timeline --json" "$PP" timeline --store "$S" BIG-1 --json
"$PP" keygen "$WORK/k" >/dev/null
peak "bundle" "$PP" bundle --store "$S" BIG-1 --reason not-received --key "$WORK/k.key" -o "$WORK/p.zip"
echo "  package $(($(stat -c %s "$WORK/p.zip") / 1000000)) MB"
exit $status
