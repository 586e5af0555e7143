package io.repram.orchestrate.results;

import java.util.List;
import java.util.Map;

/**
 * One interval (about a second) of a cell, as recorded in {@code <cell>_intervals.csv} and the
 * ndjson stream.
 *
 * @param offsetMillis   start of the interval, from the start of the cell's measured window (the clock
 *                       of {@link FaultEvent#offsetMillis()}); negative during the warm-up
 * @param epochMillis    wall-clock end of the interval
 * @param intervalMillis length of the interval
 * @param offeredPerSec  the open loop's target rate, or for a closed loop the requests sent per second
 * @param requests       requests completed (successes + failures)
 * @param nodes          per node, in target order
 */
public record IntervalRecord(
        long offsetMillis,
        long epochMillis,
        long intervalMillis,
        boolean warmup,
        double offeredPerSec,
        long requests,
        long successes,
        long failures,
        Map<String, Long> errorsByClass,
        IntervalLatency put,
        IntervalLatency get,
        List<NodeInterval> nodes) {

    public IntervalRecord {
        errorsByClass = Map.copyOf(errorsByClass);
        nodes = List.copyOf(nodes);
    }

    /** Successful responses per second. */
    public double achievedPerSec() {
        return intervalMillis <= 0 ? 0 : successes * 1000.0 / intervalMillis;
    }

    public long endOffsetMillis() {
        return offsetMillis + intervalMillis;
    }
}
