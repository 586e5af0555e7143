#!/usr/bin/env bash
# What sharing the CPUs costs a 3-node cluster on one host: the same cluster twice, side by side,
# once with all nodes in this script's session (one CPU scheduling group with wrk, as the process
# driver ran nodes before 2026-12-02) and once with each node in a session of its own (one group
# per node, as Docker's cgroups and the process driver's setsid give). wrk -t2 -c50, 1 KB
# replicated PUTs to the first node, ROUNDS rounds of 10 s alternating the two, after a warm-up.
# Prints req/s, p99 and context switches per request (from /proc/stat) per round, and the ratio.
# usage: [JAR=node/target/repram-node.jar] [ROUNDS=4] node/bench/sched-groups.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=${JAR:-node/target/repram-node.jar}
ROUNDS=${ROUNDS:-4}
[ -f /proc/self/autogroup ] || { echo "this kernel has no autogroup: sessions are not scheduling groups here" >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
# shellcheck source=nodes.sh
source node/bench/nodes.sh
trap stop_nodes EXIT INT TERM
FLAGS=$NODE_IMAGE_FLAGS
logs=$(mktemp -d)
start_three 18601 shared "$logs/shared" "$FLAGS"
OWN_SESSION=1 start_three 18611 own "$logs/own" "$FLAGS"
echo "groups: shared $(cat /proc/"${pids[0]}"/autogroup | cut -d' ' -f1) x3; own $(for p in "${pids[@]:3}"; do cut -d' ' -f1 </proc/"$p"/autogroup; done | tr '\n' ' ')"
ctxt() { awk '/^ctxt/{print $2}' /proc/stat; }
round() { # port seconds -> "req/s p99 switches/request"
  local c0 out c1
  c0=$(ctxt)
  out=$(wrk -t2 -c50 -d"$2"s -s node/bench/put.lua "http://127.0.0.1:$1")
  c1=$(ctxt)
  awk -v c=$((c1 - c0)) -v s="$2" '/Requests\/sec/{r=$2} $1=="p50"{p=$5 $6} END {printf "%s %s %.1f\n", r, p, c / (r * s)}' <<<"$out"
}
for port in 18601 18611; do round $port 20 >/dev/null; round $port 20 >/dev/null; done
declare -a shared own
for r in $(seq "$ROUNDS"); do
  read -r a ap ac < <(round 18601 10)
  read -r b bp bc < <(round 18611 10)
  shared+=("$a"); own+=("$b")
  printf 'round %d  one group: %8.0f req/s p99 %-8s %4.1f switches/req   a group per node: %8.0f req/s p99 %-8s %4.1f switches/req   ratio %.2f\n' \
    "$r" "$a" "$ap" "$ac" "$b" "$bp" "$bc" "$(awk -v a="$a" -v b="$b" 'BEGIN{print b / a}')"
done
python3 - "${shared[*]}" "${own[*]}" <<'PY'
import statistics, sys
a = [float(x) for x in sys.argv[1].split()]; b = [float(x) for x in sys.argv[2].split()]
r = sorted(y / x for x, y in zip(a, b))
print(f"a group per node / one group, req/s: min {r[0]:.2f} median {statistics.median(r):.2f} max {r[-1]:.2f} over {len(r)} rounds")
PY
rm -rf "$logs"
