#!/usr/bin/env bash
# cluster-p99.sh under several JVM flag sets (and optionally an older node jar), in alternating
# rounds so that drift of a shared host lands on every configuration alike. Prints each run's line
# as it comes, then a table of req/s and p99 per configuration and round.
#   tuned   the image's and the process driver's flags (G1, a quarter of NODE_MEMORY as heap)
#   plain   java -jar with no flags
#   par     the same memory split on the parallel collector
#   base    BASELINE_JAR with BASELINE_FLAGS (e.g. a jar built from an older commit, its own flags)
# usage: [ROUNDS=3] [CONFIGS="tuned plain par"] [WARMUP_RUNS=4] [NODE_MEMORY=2g]
#        [BASELINE_JAR=path BASELINE_FLAGS="..."] node/bench/flags-side-by-side.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=${JAR:-node/target/repram-node.jar}
NODE_MEMORY=${NODE_MEMORY:-2g}
OUT=${SIDE_BY_SIDE_OUT:-/tmp/bench-flags.txt}
# shellcheck source=nodes.sh
. node/bench/nodes.sh # for NODE_IMAGE_FLAGS only: cluster-p99.sh starts its own nodes
TUNED="$NODE_IMAGE_FLAGS -XX:MaxRAM=$NODE_MEMORY"
PAR="${TUNED/-XX:+UseG1GC/-XX:+UseParallelGC}"
CONFIGS=${CONFIGS:-tuned plain par${BASELINE_JAR:+ base}}
[ -f "$JAR" ] || { echo "missing $JAR: run make build" >&2; exit 2; }
: >"$OUT"
for round in $(seq "${ROUNDS:-3}"); do
  for cfg in $CONFIGS; do
    case $cfg in
      tuned) j=$JAR f=$TUNED ;;
      plain) j=$JAR f=" " ;; # a blank, so cluster-p99.sh does not put in its SerialGC default
      par) j=$JAR f=$PAR ;;
      base) j=${BASELINE_JAR:?base needs BASELINE_JAR} f=${BASELINE_FLAGS:-" "} ;;
      *) echo "unknown configuration $cfg: use tuned, plain, par or base" >&2; exit 2 ;;
    esac
    WARMUP_RUNS=${WARMUP_RUNS:-4} JAR=$j JFLAGS="$f" bash node/bench/cluster-p99.sh "$cfg r$round" | tee -a "$OUT"
  done
done
echo
echo "configuration round  req/s (three 10 s runs)   p99 ms"
grep -E ' run[0-9] rps=' "$OUT" | sed 's/rps=//; s/p99=//; s/ms//g' |
  awk '{k=$1" "$2; if (!(k in r)) order[n++]=k; r[k]=r[k]" "int($4); p[k]=p[k]" "$7}
       END {for (i=0; i<n; i++) printf "%-19s %-26s %s\n", order[i], r[order[i]], p[order[i]]}'
