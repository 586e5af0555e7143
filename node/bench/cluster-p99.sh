#!/usr/bin/env bash
# 3-node loopback cluster, 1 KB replicated PUTs to the first node with wrk -t2 -c50, WARMUP_RUNS 10 s
# warm-ups (default 2) then three measured 10 s runs; prints req/s, p50/p90/p99 per run and each
# node's GC pauses.
# usage: [JAR=node/target/repram-node.jar] [JFLAGS="-XX:+UseSerialGC ..."] [WARMUP_RUNS=2]
#        node/bench/cluster-p99.sh label
set -u
cd "$(dirname "$0")/../.."
set -u
J=${JAR:-node/target/repram-node.jar}
JF="${JFLAGS:--XX:+UseSerialGC} -Xlog:gc:file=/tmp/p99-gc-nNODE.log"
pids=()
cleanup(){ for p in "${pids[@]}"; do kill $p 2>/dev/null; done; wait 2>/dev/null; }
trap cleanup EXIT
start(){ REPRAM_NODE_ID=n$1 REPRAM_ADDRESS=127.0.0.1 REPRAM_HTTP_PORT=$2 REPRAM_PEERS=$3 REPRAM_RATE_LIMIT=0 REPRAM_LOG_LEVEL=warn java ${JF//NODE/$1} -jar $J >/tmp/p99-n$1.log 2>&1 & pids+=($!); }
waitpeers(){ for i in $(seq 150); do n=$(curl -fs http://127.0.0.1:$1/v1/topology 2>/dev/null | grep -o '"id"' | wc -l); [ "${n:-0}" -ge $2 ] && return 0; sleep 0.2; done; echo "no peers $1"; exit 1; }
start 0 18701 ""
for i in $(seq 100); do curl -fs http://127.0.0.1:18701/v1/health >/dev/null && break; sleep 0.2; done
start 1 18702 127.0.0.1:18701
start 2 18703 127.0.0.1:18701
for p in 18701 18702 18703; do waitpeers $p 2; done
for i in $(seq "${WARMUP_RUNS:-2}"); do wrk -t2 -c50 -d10s -s node/bench/put.lua http://127.0.0.1:18701 >/dev/null; done
for i in 1 2 3; do
  out=$(wrk -t2 -c50 -d10s --latency -s node/bench/put.lua http://127.0.0.1:18701)
  echo "$1 run$i rps=$(awk '/Requests\/sec/{print $2}' <<<"$out") p50=$(awk '$1=="50%"{print $2}' <<<"$out") p90=$(awk '$1=="90%"{print $2}' <<<"$out") p99=$(awk '$1=="99%"{print $2}' <<<"$out") $(grep -o 'p99.9.*' <<<"$out") non2xx=$(grep -o 'Non-2xx.*' <<<"$out")"
done
for i in 0 1 2; do f=/tmp/p99-gc-n$i.log; echo "  gc n$i: young=$(grep -c 'Pause Young' $f) full=$(grep -c 'Pause Full' $f) total_ms=$(grep -o '[0-9.]*ms$' $f | tr -d 'ms' | paste -sd+ | bc) max_ms=$(grep -o '[0-9.]*ms$' $f | tr -d 'ms' | sort -n | tail -1) last=$(tail -1 $f | grep -o ')[^)]*$')"; done
