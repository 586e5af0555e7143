package io.repram.orchestrate.engine;

/**
 * One resource sample of one node. Network and block I/O are cumulative counters since the node
 * started; rates are derived by whoever consumes the samples.
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

    public double memoryPercent() {
        return memoryLimitBytes <= 0 ? 0 : 100.0 * memoryBytes / memoryLimitBytes;
    }
}
