package io.repram.orchestrate.engine;

/**
 * One resource sample of one node. Network and block I/O are cumulative counters since the node
 * started; rates are derived by whoever consumes the samples.
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
        long blockWriteBytes) {

    public double memoryPercent() {
        return memoryLimitBytes <= 0 ? 0 : 100.0 * memoryBytes / memoryLimitBytes;
    }
}
