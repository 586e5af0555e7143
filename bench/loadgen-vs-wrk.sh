#!/usr/bin/env bash
# Load generator vs wrk against the same plain Javalin server (1 KB GET, same connections and time).
# The goal: the generator reaches at least 0.8x wrk's req/s.
#
# The generator runs GET-only (--put-percent 0); in that mode it reads random keys of the key space,
# and the bench server answers 200 with 1 KB to any GET /v1/data/*. wrk hits one such key.
# It gets a short warm-up (its JIT; wrk needs none), left out of its figure. The server's JIT keeps
# getting faster for a while, so whoever runs later has an edge: the server is warmed first, and wrk
# runs both before and after the generator; the ratio is against the better of the two wrk runs.
#
# Env: PORT (18089), CONNS (50), DURATION seconds (15), WARMUP seconds for the generator (3),
#      WRK (/usr/bin/wrk), WRK_THREADS (2), JAVA_OPTS for the generator's JVM.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${PORT:-18089}
CONNS=${CONNS:-50}
DURATION=${DURATION:-15}
WARMUP=${WARMUP:-3}
WRK=${WRK:-/usr/bin/wrk}
WRK_THREADS=${WRK_THREADS:-2}
JAR=orchestrator/target/repram-orchestrate.jar
NODE_JAR=node/target/repram-node.jar
TEST_CLASSES=orchestrator/target/test-classes
URL="http://127.0.0.1:${PORT}"

if ! command -v "$WRK" >/dev/null 2>&1; then
  echo "wrk not found at $WRK; install it (apt-get install wrk) or set WRK=/path/to/wrk" >&2
  exit 1
fi
if [[ ! -f $JAR || ! -f $NODE_JAR || ! -f $TEST_CLASSES/io/repram/orchestrate/load/BenchServer.class ]]; then
  echo "Building (mvn -pl orchestrator -am package -DskipTests) ..."
  mvn -q -B -pl orchestrator -am package -DskipTests
fi

work=$(mktemp -d)
server_pid=""
cleanup() {
  if [[ -n $server_pid ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

java -cp "$TEST_CLASSES:$NODE_JAR" io.repram.orchestrate.load.BenchServer "$PORT" 1024 >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 60); do
  if curl -fs -o /dev/null "$URL/v1/data/lg-0"; then break; fi
  if ! kill -0 "$server_pid" 2>/dev/null; then echo "bench server failed to start:" >&2; cat "$work/server.log" >&2; exit 1; fi
  sleep 0.25
done
curl -fs -o /dev/null "$URL/v1/data/lg-0" || { echo "bench server not answering on $URL" >&2; exit 1; }

run_wrk() {
  echo "wrk -t$WRK_THREADS -c$CONNS -d${DURATION}s ($1) ..."
  "$WRK" -t"$WRK_THREADS" -c"$CONNS" -d"${DURATION}s" "$URL/v1/data/lg-0" >"$work/wrk-$1.txt"
  awk '/^Requests\/sec:/ {print $2}' "$work/wrk-$1.txt"
}

echo "Warming the server up (wrk, 5 s) ..."
"$WRK" -t"$WRK_THREADS" -c"$CONNS" -d5s "$URL/v1/data/lg-0" >/dev/null

wrk_before=$(run_wrk before | tail -1)

echo "load generator -c $CONNS -d ${DURATION}s (after ${WARMUP}s warm-up) ..."
# shellcheck disable=SC2086
java ${JAVA_OPTS:-} -cp "$JAR" io.repram.orchestrate.cli.LoadCommand --url "$URL" -c "$CONNS" \
  -d "${DURATION}s" --warmup "${WARMUP}s" --put-percent 0 --json "$work/loadgen.json" 2>"$work/loadgen.txt"
grep -E '^(Requests|Throughput|Success|Latency|  all)' "$work/loadgen.txt" || true
gen_rps=$(sed -n 's/.*"requests_per_sec" : \([0-9.]*\).*/\1/p' "$work/loadgen.json")
wrk_after=$(run_wrk after | tail -1)
wrk_rps=$(awk -v a="$wrk_before" -v b="$wrk_after" 'BEGIN { printf "%.1f", (a > b ? a : b) }')

ratio=$(awk -v g="$gen_rps" -v w="$wrk_rps" 'BEGIN { printf "%.2f", (w > 0 ? g / w : 0) }')
verdict=$(awk -v r="$ratio" 'BEGIN { print (r >= 0.8 ? "met" : "NOT met") }')
echo
printf '%-28s %12s %10s\n' "client (1 KB GET, ${CONNS} conns)" "req/s" "goal"
printf '%-28s %12.0f %10s\n' "wrk (before)" "$wrk_before" ""
printf '%-28s %12.0f %10s\n' "wrk (after)" "$wrk_after" ""
printf '%-28s %12.0f %10s\n' "wrk (better run)" "$wrk_rps" ""
printf '%-28s %12.0f %10s\n' "repram load generator" "$gen_rps" ""
printf '%-28s %12s %10s   %s\n' "ratio generator / wrk" "$ratio" ">= 0.80" "$verdict"
