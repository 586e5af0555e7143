#!/usr/bin/env bash
# make bench-node: one node, then a 3-node loopback cluster, each driven after a warm-up with
# 1 KB values, 50 connections, 70% PUT / 30% GET of written keys (our load generator), plus a
# wrk 1 KB PUT run for comparison with the figures in the node issue. Prints one table. Then
# node/bench/live-set.sh: a 1,000,000-key live set, image flags against plain `java -jar`
# (LIVE_KEYS, LIVE_WINDOW_SECONDS, LIVE_WARMUP_SECONDS, NODE_MEMORY; LIVE_KEYS=0 skips it). Last,
# node/bench/sched-groups.sh: one CPU scheduling group for all nodes against one per node
# (SCHED_ROUNDS=0 skips it). The parts before it run every node in this script's session, one
# group with wrk; OWN_SESSION=1 gives each node its own, as the process driver and Docker do.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=node/target/repram-node.jar
# One warm-up inside the measuring run, so the load generator's own JIT is warm too (40 s: the
# JIT needs most of a minute of load).
WARMUP=${WARMUP:-40s}
DURATION=${DURATION:-20s}
WRK_SECONDS=${WRK_SECONDS:-15}
# wrk gets its own warm-up on top of the mix runs before it: the JIT needs a minute or more of load.
WRK_WARMUP_SECONDS=${WRK_WARMUP_SECONDS:-20}
BASE=${BASE_PORT:-18480}
[ -f "$JAR" ] || { echo "missing $JAR: run make build" >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }

# shellcheck source=../node/bench/nodes.sh
. node/bench/nodes.sh
trap stop_nodes EXIT
# The flags the node image and the process driver use, with -XX:MaxRAM standing in for a 2 GB
# container limit.
NODE_JVM_FLAGS=${NODE_JVM_FLAGS:-$NODE_IMAGE_FLAGS -XX:MaxRAM=2g}

mix() { # label url
  ./repram-orchestrate load --url "$2" -c 50 --warmup "$WARMUP" -d "$DURATION" --payload-bytes 1024 --put-percent 70 --json "/tmp/bench-$1.json" 2>"/tmp/bench-$1.log" \
    || { cat "/tmp/bench-$1.log" >&2; exit 1; }
  python3 - "$1" "/tmp/bench-$1.json" <<'PY'
import json,sys
d=json.load(open(sys.argv[2])); l=d["latency"]
print(f"| {sys.argv[1]} (70/30 mix, ours) | {d['requests_per_sec']:,.0f} | {d['success_percent']:.2f}% | {l['p50_us']/1e3:.2f} | {l['p99_us']/1e3:.2f} | {l['p999_us']/1e3:.2f} |")
PY
}
wrk_put() { # label url
  wrk -t2 -c50 -d"${WRK_WARMUP_SECONDS}s" -s node/bench/put.lua "$2" >/dev/null
  out=$(wrk -t2 -c50 -d"${WRK_SECONDS}s" --latency -s node/bench/put.lua "$2")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out"); p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  echo "| $1 (1 KB PUT, wrk) | $rps | - | $p50 | $p99 | - |"
}

rows=()
start_node bench-0 $BASE "" /tmp/bench-node-0.log "$NODE_JVM_FLAGS"
wait_peers $BASE 0
rows+=("$(mix one-node http://127.0.0.1:$BASE)")
rows+=("$(wrk_put one-node http://127.0.0.1:$BASE)")
stop_nodes

start_three $((BASE+1)) bench /tmp/bench-node "$NODE_JVM_FLAGS"
rows+=("$(mix 3-node http://127.0.0.1:$((BASE+1)))")
rows+=("$(wrk_put 3-node-replicated http://127.0.0.1:$((BASE+1)))")

echo
echo "| run | req/s | success | p50 ms | p99 ms | p99.9 ms |"
echo "|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
echo
echo "Goals (2-core box): one node 1 KB PUT under wrk >= 16,000 req/s; 3-node replicated PUT >= 3,000 req/s with p99 <= 20 ms."
stop_nodes
if [ "${LIVE_KEYS:-1000000}" != 0 ]; then
  node/bench/live-set.sh
fi
if [ "${SCHED_ROUNDS:-4}" != 0 ]; then
  ROUNDS=${SCHED_ROUNDS:-4} node/bench/sched-groups.sh
fi
