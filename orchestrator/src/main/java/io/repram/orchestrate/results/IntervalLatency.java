package io.repram.orchestrate.results;

import org.HdrHistogram.Histogram;

/**
 * One operation's latency within one interval, in whole microseconds.
 *
 * @param count responses the figures are taken from; all figures are 0 when it is 0
 */
public record IntervalLatency(long count, long p50Us, long p90Us, long p99Us, long p999Us, long maxUs) {

    public static final IntervalLatency EMPTY = new IntervalLatency(0, 0, 0, 0, 0, 0);

    /** @param nanos a histogram of nanosecond latencies */
    public static IntervalLatency ofNanos(Histogram nanos) {
        if (nanos == null || nanos.getTotalCount() == 0) return EMPTY;
        return new IntervalLatency(nanos.getTotalCount(), micros(nanos, 50), micros(nanos, 90), micros(nanos, 99),
                micros(nanos, 99.9), nanos.getMaxValue() / 1000);
    }

    private static long micros(Histogram h, double percentile) {
        return h.getValueAtPercentile(percentile) / 1000;
    }
}
