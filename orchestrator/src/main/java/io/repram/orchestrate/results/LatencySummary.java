package io.repram.orchestrate.results;

/** Latency percentiles of one histogram, in nanoseconds. */
public record LatencySummary(
        long count,
        double meanNanos,
        long minNanos,
        long p50Nanos,
        long p90Nanos,
        long p99Nanos,
        long p999Nanos,
        long maxNanos) {

    public static final LatencySummary EMPTY = new LatencySummary(0, 0, 0, 0, 0, 0, 0, 0);
}
