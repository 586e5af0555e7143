package io.repram.orchestrate.results;

/**
 * The bounds behind every cell's limit verdict ({@link CellLimit}), in one place and documented in
 * docs/results.md ("What limited each cell"). Each is a share of the cell's measured window unless
 * it says otherwise; a figure at or above its bound makes the verdict fire.
 */
public final class LimitThresholds {

    /** The whole machine's CPU (all processes, from /proc/stat) busy over the window, % of all cores. */
    public static final double HOST_CPU_PERCENT = 90;
    /** The load generator's I/O threads' own CPU, % of the cores those threads can use (one each). */
    public static final double GENERATOR_CPU_PERCENT = 90;
    /**
     * p99 of how late the generator sent requests that were due on a free connection: above this,
     * more than 1% of the requests left over 10 ms late (open loop; distributed agents, any loop).
     */
    public static final long SEND_SLIP_P99_MICROS = 10_000;
    /** An agent's process CPU, % of the cores it may use. */
    public static final double AGENT_CPU_PERCENT = 90;
    /** Docker's CFS throttling: throttled periods as a % of all periods, for the most throttled node. */
    public static final double NODE_THROTTLED_PERCENT = 25;
    /** A node's stop-the-world GC time (jvm_gc_collection_seconds_sum delta), % of the window. */
    public static final double GC_PAUSE_PERCENT = 10;
    /** Failed requests, % of all requests. */
    public static final double ERROR_PERCENT = 1;
    /** A node's availability (share of intervals it answered a 2xx) below this counts as a node down. */
    public static final double NODE_AVAILABILITY_PERCENT = 90;
    /**
     * On a full host, a node below {@link #NODE_AVAILABILITY_PERCENT} counts as starved rather than
     * down only if none of its outages lasted longer than this (seconds, about one interval) and
     * under {@link #ERROR_PERCENT} of its own requests failed. A node that stops answering for longer
     * while its peers answer is broken, however busy the host: one node of three collapsed under
     * its peers' abandoned gossip answered 129 requests to their 155,000 each.
     */
    public static final double STARVED_OUTAGE_SECONDS = 1.5;
    /**
     * When nothing above fired: a throughput gain of at least this % over the previous concurrency
     * step (same cluster size and payload) means the load was still below saturation; less means
     * the cluster's own work was the limit.
     */
    public static final double RISING_THROUGHPUT_PERCENT = 10;
    /** Open loop: an achieved rate at least this % of the offered one means the load was below saturation. */
    public static final double OFFERED_MET_PERCENT = 95;
    /**
     * Open loop, the offered rate met: a p99 at least this many times that at the highest lower rate
     * measured (same size and payload), and at least this many times the rate's own growth, means the
     * cluster's own work (queueing) rather than below saturation. Twice the rate's growth, so that a
     * doubling ladder's noise (seen: p99 4 → 14 ms from 400 to 800 req/s) is not called a knee.
     */
    public static final double LATENCY_KNEE_FACTOR = 2;

    private LimitThresholds() {
    }
}
