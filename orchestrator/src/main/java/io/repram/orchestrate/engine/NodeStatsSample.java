package io.repram.orchestrate.engine;

/**
 * One resource sample of one node. Network and block I/O are cumulative counters since the node
 * started; rates are derived by whoever consumes the samples. A counter the driver cannot read is
 * {@link #UNKNOWN}, never 0: a node on the host's network (Docker's host mode, every process-driver
 * node) has no network counters of its own, and showing 0 B/s for it would read as an idle node.
 *
 * @param cpuPeriods          CFS enforcement periods so far (Docker's throttling_data.periods), -1 unknown;
 *                            0 when the node has no CPU limit
 * @param cpuThrottledPeriods of those, the periods in which the node hit its CPU limit, -1 unknown
 * @param cpuThrottledNanos   time the node spent throttled so far, -1 unknown
 */
public record NodeStatsSample(
        long epochMillis,
        int nodeIndex,
        String nodeId,
        double cpuPercent,
        long memoryBytes,
        long memoryLimitBytes,
        long netRxBytes,
        long netTxBytes,
        long blockReadBytes,
        long blockWriteBytes,
        long cpuPeriods,
        long cpuThrottledPeriods,
        long cpuThrottledNanos) {

    public static final long UNKNOWN = -1;

    /** A sample without throttling counters (the process and swarm drivers). */
    public NodeStatsSample(long epochMillis, int nodeIndex, String nodeId, double cpuPercent, long memoryBytes,
                           long memoryLimitBytes, long netRxBytes, long netTxBytes, long blockReadBytes,
                           long blockWriteBytes) {
        this(epochMillis, nodeIndex, nodeId, cpuPercent, memoryBytes, memoryLimitBytes, netRxBytes, netTxBytes,
                blockReadBytes, blockWriteBytes, UNKNOWN, UNKNOWN, UNKNOWN);
    }

    /**
     * {rx, tx} bytes per second from {@code before} to this sample; NaN for a counter either lacks,
     * or when this sample is not later.
     */
    public double[] netRatesSince(NodeStatsSample before) {
        double seconds = (epochMillis - before.epochMillis) / 1000.0;
        return new double[]{rate(before.netRxBytes, netRxBytes, seconds), rate(before.netTxBytes, netTxBytes, seconds)};
    }

    private static double rate(long from, long to, double seconds) {
        // max(0, ..): a restarted container's counters start again from 0.
        return from < 0 || to < 0 || seconds <= 0 ? Double.NaN : Math.max(0, to - from) / seconds;
    }

    public double memoryPercent() {
        return memoryLimitBytes <= 0 ? 0 : 100.0 * memoryBytes / memoryLimitBytes;
    }
}
