#!/usr/bin/env bash
# The node issue's live-set benchmark: 3 nodes on loopback, 1 KB replicated PUTs (wrk -t2 -c50 to the
# first node) over a live set of LIVE_KEYS keys (1,000,000 x 1 KB: about 1 GB on every node). Run
# twice: with the image's JVM flags, then the same cluster as plain `java -jar` with no flags. Each
# run fills the live set, warms up, then measures LIVE_WINDOW_SECONDS in 10 s wrk runs and prints
# req/s, the p99 of every 10 s window, the longest GC pause inside the window (from -Xlog:gc, the
# one flag the plain run gets: it only logs), and process RSS per stored byte at the end.
# usage: [LIVE_KEYS=1000000] [LIVE_WINDOW_SECONDS=300] [LIVE_WARMUP_SECONDS=60] [NODE_MEMORY=2g]
#        [LIVE_RUNS="tuned plain": either or both] [TUNED_FLAGS=the image's flags and -XX:MaxRAM]
#        [LIVE_REPORT_ONLY=1: the table again from the last run's files in LIVE_OUT]
#        node/bench/live-set.sh          (tiny check: LIVE_KEYS=20000 LIVE_WINDOW_SECONDS=15 LIVE_WARMUP_SECONDS=5)
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=${JAR:-node/target/repram-node.jar}
KEYS=${LIVE_KEYS:-1000000}
WINDOW=${LIVE_WINDOW_SECONDS:-300}
WARMUP=${LIVE_WARMUP_SECONDS:-60}
FILL_TIMEOUT=${LIVE_FILL_TIMEOUT_SECONDS:-1800}
SLICE=10
BASE=${LIVE_BASE_PORT:-18620}
OUT=${LIVE_OUT:-/tmp/bench-live}
[ -f "$JAR" ] || { echo "missing $JAR: run make build" >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
mkdir -p "$OUT"

# shellcheck source=nodes.sh
. node/bench/nodes.sh
trap stop_nodes EXIT
# What a node gets in a container with node.memory, or from the process driver: the image's flags
# and, standing in for the container limit, -XX:MaxRAM (NodeCommand).
NODE_MEMORY=${NODE_MEMORY:-2g}
TUNED_LABEL=${TUNED_FLAGS:+tuned (TUNED_FLAGS)}
TUNED_FLAGS=${TUNED_FLAGS:-$NODE_IMAGE_FLAGS -XX:MaxRAM=$NODE_MEMORY}

items() { curl -fs "http://127.0.0.1:$1/v1/status" | python3 -c 'import json,sys; print(json.load(sys.stdin)["storage"]["items"])'; }

fill() { # every node holds KEYS items
  ORDER=sequential KEYS=$KEYS TTL=86400 wrk -t2 -c50 -d"${FILL_TIMEOUT}s" -s node/bench/put.lua "http://127.0.0.1:$BASE" >/dev/null &
  local wrk_pid=$! started=$SECONDS
  while :; do
    local least=$KEYS
    for i in 0 1 2; do n=$(items $((BASE + i))); [ "$n" -lt "$least" ] && least=$n; done
    [ "$least" -ge "$KEYS" ] && break
    if ! kill -0 "$wrk_pid" 2>/dev/null; then echo "the fill stopped at $least of $KEYS keys" >&2; exit 1; fi
    sleep 1
  done
  kill "$wrk_pid" 2>/dev/null || true; wait "$wrk_pid" 2>/dev/null || true
  echo "  filled $KEYS keys on every node in $((SECONDS - started)) s" >&2
}

measure() { # label
  local label=$1 left=$WINDOW
  : >"$OUT/$label-windows"
  date +%s.%N >"$OUT/$label-t0"
  while [ "$left" -gt 0 ]; do
    local d=$((left < SLICE ? left : SLICE))
    KEYS=$KEYS TTL=86400 wrk -t2 -c50 -d"${d}s" --latency -s node/bench/put.lua "http://127.0.0.1:$BASE" >"$OUT/$label-wrk.txt"
    python3 - "$OUT/$label-wrk.txt" "$d" >>"$OUT/$label-windows" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
def ms(v):
    n, unit = re.match(r"([\d.]+)(us|ms|s|m)", v).groups()
    return float(n) * {"us": 1e-3, "ms": 1, "s": 1e3, "m": 6e4}[unit]
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
p99 = ms(re.search(r"^\s+99%\s+(\S+)", text, re.M).group(1))
bad = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
errors = re.search(r"Socket errors: (.*)", text)
print(f"{sys.argv[2]}\t{rps}\t{p99}\t{bad.group(1) if bad else 0}\t{errors.group(1) if errors else ''}")
PY
    left=$((left - d))
  done
  date +%s.%N >"$OUT/$label-t1"
  : >"$OUT/$label-nodes"
  for i in 0 1 2; do
    # %.0f: awk prints a product over 2^31 as 2.34089e+09, and mawk's %d stops at 2^31-1 (2 GiB).
    rss=$(awk '/^VmRSS:/ {printf "%.0f\n", $2 * 1024}' "/proc/${pids[$i]}/status")
    echo "$rss $(curl -fs "http://127.0.0.1:$((BASE + i))/v1/status" | python3 -c 'import json,sys; s=json.load(sys.stdin); print(s["storage"]["bytes"], s["storage"]["offheap_committed_bytes"], s["memory"]["heap_committed_bytes"])')" >>"$OUT/$label-nodes"
  done
}

run() { # label "flags"
  echo "run $1: $2" >&2
  # gc+cpu: each collection's User/Sys/Real, which tells a pause spent collecting from one spent
  # waiting for a core.
  start_three "$BASE" live "$OUT/$1" "$2 -Xlog:gc,gc+cpu:file=$OUT/$1-gc-n%p.log:uptime"
  fill
  KEYS=$KEYS TTL=86400 wrk -t2 -c50 -d"${WARMUP}s" -s node/bench/put.lua "http://127.0.0.1:$BASE" >/dev/null
  measure "$1"
  printf '%s\n' "${starts[@]}" >"$OUT/$1-starts"
  printf '%s\n' "${pids[@]}" >"$OUT/$1-pids"
  stop_nodes
}

# LIVE_REPORT_ONLY=1 prints the table again from the files a finished run left in $OUT.
# LIVE_RUNS=tuned (or plain) runs one of the two, e.g. to try other TUNED_FLAGS.
RUNS=${LIVE_RUNS:-tuned plain}
if [ -z "${LIVE_REPORT_ONLY:-}" ]; then
  for r in $RUNS; do
    case $r in
      tuned) run tuned "$TUNED_FLAGS" ;;
      plain) run plain "" ;;
      *) echo "LIVE_RUNS: unknown run '$r' (tuned, plain)" >&2; exit 2 ;;
    esac
  done
fi

python3 - "$OUT" "$KEYS" "$WINDOW" "$RUNS" "${TUNED_LABEL:-tuned (image flags)}" <<'PY'
import re, sys
out, keys, window, runs, tuned_label = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4].split(), sys.argv[5]
def row(label):
    windows = [l.split("\t") for l in open(f"{out}/{label}-windows").read().splitlines()]
    secs = [float(w[0]) for w in windows]
    rps = sum(float(w[1]) * s for w, s in zip(windows, secs)) / sum(secs)
    p99s = [float(w[2]) for w in windows]
    bad = sum(int(w[3]) for w in windows)
    t0, t1 = float(open(f"{out}/{label}-t0").read()), float(open(f"{out}/{label}-t1").read())
    starts = [float(s) for s in open(f"{out}/{label}-starts").read().split()]
    pids = open(f"{out}/{label}-pids").read().split()
    longest, over50, over50_cpu_ms, over50_ms = 0.0, 0, 0.0, 0.0
    for start, pid in zip(starts, pids):
        long_pauses, cpu = {}, {}
        for line in open(f"{out}/{label}-gc-n{pid}.log"):
            m = re.match(r"\[([\d.]+)s\] GC\((\d+)\).*Pause.* ([\d.]+)ms$", line.strip())
            if m and t0 - start <= float(m.group(1)) <= t1 - start:
                pause = float(m.group(3))
                longest = max(longest, pause)
                if pause > 50:
                    long_pauses[m.group(2)] = pause
            c = re.match(r"\[[\d.]+s\] GC\((\d+)\) User=([\d.]+)s Sys=([\d.]+)s Real=([\d.]+)s", line.strip())
            if c:
                cpu[c.group(1)] = (float(c.group(2)) + float(c.group(3))) * 1000
        over50 += len(long_pauses)
        over50_ms += sum(long_pauses.values())
        over50_cpu_ms += sum(cpu.get(gc, 0.0) for gc in long_pauses)
    nodes = [[int(float(v)) for v in l.split()] for l in open(f"{out}/{label}-nodes").read().splitlines()]
    ratio = sum(n[0] for n in nodes) / max(1, sum(n[1] for n in nodes))
    rss_gb = max(n[0] for n in nodes) / 1e9
    return dict(rps=rps, worst=max(p99s), p99s=p99s, gc=longest, over50=over50, over50_ms=over50_ms,
                over50_cpu_ms=over50_cpu_ms, ratio=ratio, rss=rss_gb, bad=bad)
names = {"tuned": tuned_label, "plain": "plain java -jar"}
rows = {names[r]: row(r) for r in runs}
print()
print(f"Live set {keys:,} keys x 1 KB on each of 3 nodes, {window} s measured, wrk -t2 -c50 1 KB replicated PUT")
print()
print("| run | req/s | worst 10 s p99 ms | longest GC pause ms | pauses > 50 ms | RSS / stored bytes | max RSS GB | non-2xx |")
print("|---|---|---|---|---|---|---|---|")
for name, r in rows.items():
    print(f"| {name} | {r['rps']:,.0f} | {r['worst']:.1f} | {r['gc']:.1f} | {r['over50']} | {r['ratio']:.2f} | {r['rss']:.2f} | {r['bad']} |")
print()
for name, r in rows.items():
    print(f"p99 per window, {name}: " + " ".join(f"{p:.1f}" for p in r["p99s"]))
for name, r in rows.items():
    if r["over50"]:
        # User+Sys adds up every GC thread, so a pause its threads spent working has CPU >= its wall time.
        if r["over50_cpu_ms"] == 0:
            verdict = "the logs have no gc+cpu lines to tell"
        elif r["over50_cpu_ms"] < 0.5 * r["over50_ms"]:
            verdict = "the GC threads ran for under half of it: most of it was waiting for a core"
        else:
            verdict = "the GC threads ran for most of it: collecting, not waiting"
        print(f"pauses > 50 ms, {name}: {r['over50_ms']:.0f} ms of pause, {r['over50_cpu_ms']:.0f} ms of GC CPU in them; {verdict}")
if len(rows) == 2:
    t, p = rows[tuned_label], rows["plain java -jar"]
    print(f"plain / tuned: req/s {p['rps'] / t['rps']:.2f}, worst p99 {p['worst'] / t['worst']:.2f}")
print("Goals: p99 <= 20 ms in every window, no GC pause over 50 ms, >= 4k req/s; plain within 10% of tuned; RSS / stored <= 1.3.")
PY
