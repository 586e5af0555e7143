# Sourced by bench/bench-node.sh and the node/bench scripts: REPRAM nodes on loopback as plain JVMs.
# The caller sets JAR; OWN_SESSION=1 starts each node under setsid, in a session and so (with the
# kernel's autogroup) a CPU scheduling group of its own, as the process driver and Docker run nodes.
# start_node records each node's pid in `pids` and its start time (for lining
# up -Xlog:gc uptimes) in `starts`; stop_nodes kills them all.
# The JVM flags the image and the process driver give a node (ImageBuilder.JVM_FLAGS,
# NodeCommand.BASE_JVM_FLAGS), less the container limit: callers add -XX:MaxRAM for that.
NODE_IMAGE_FLAGS="-XX:+UseG1GC -XX:MaxRAMPercentage=25 -XX:MaxDirectMemorySize=1t -Xss256k -XX:+ExitOnOutOfMemoryError -XX:-UsePerfData"
pids=()
starts=()

start_node() { # node-id port peers log-file "java flags"
  starts+=("$(date +%s.%N)")
  # shellcheck disable=SC2086 # the flags are words
  REPRAM_NODE_ID="$1" REPRAM_ADDRESS=127.0.0.1 REPRAM_HTTP_PORT="$2" REPRAM_NETWORK=private \
  REPRAM_PEERS="$3" REPRAM_RATE_LIMIT=0 REPRAM_LOG_LEVEL=warn \
    ${OWN_SESSION:+setsid} java $5 -jar "$JAR" >"$4" 2>&1 &
  pids+=($!)
}

stop_nodes() {
  for p in "${pids[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  pids=()
  starts=()
}

wait_peers() { # port expected-peers
  for _ in $(seq 150); do
    # An answer first: with no answer the count is 0, which would pass for a first node's 0 peers.
    if topology=$(curl -fs "http://127.0.0.1:$1/v1/topology" 2>/dev/null); then
      # grep finds nothing for 0 peers; under a caller's `set -e -o pipefail` that must not end it.
      n=$({ grep -o '"id"' <<<"$topology" || true; } | wc -l)
      [ "$n" -ge "$2" ] && return 0
    fi
    sleep 0.2
  done
  echo "node on port $1 did not see $2 peers" >&2
  exit 1
}

start_three() { # base-port id-prefix log-prefix "java flags": node 0 on base, 1 and 2 joining it
  start_node "$2-0" "$1" "" "$3-n0.log" "$4"
  wait_peers "$1" 0
  for i in 1 2; do start_node "$2-$i" $(($1 + i)) "127.0.0.1:$1" "$3-n$i.log" "$4"; done
  for i in 0 1 2; do wait_peers $(($1 + i)) 2; done
}
