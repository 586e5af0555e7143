package io.repram.orchestrate.results;

import java.util.List;
import java.util.Map;

/**
 * Load figures of one live interval (about one second), for progress lines and the dashboard.
 *
 * @param nodeSuccesses per target index, the 2xx responses of the interval; empty when not recorded (agents)
 * @param nodeFailures  per target index, the failed requests of the interval; empty when not recorded
 */
public record IntervalFigures(
        long epochMillis,
        double intervalSeconds,
        long requests,
        long successes,
        long failures,
        long p50Micros,
        long p99Micros,
        boolean warmup,
        Map<String, Long> errorsByClass,
        List<Long> nodeSuccesses,
        List<Long> nodeFailures) {

    public IntervalFigures {
        errorsByClass = Map.copyOf(errorsByClass);
        nodeSuccesses = nodeSuccesses == null ? List.of() : List.copyOf(nodeSuccesses);
        nodeFailures = nodeFailures == null ? List.of() : List.copyOf(nodeFailures);
    }

    /** An interval without per-node figures. */
    public IntervalFigures(long epochMillis, double intervalSeconds, long requests, long successes, long failures,
                           long p50Micros, long p99Micros, boolean warmup, Map<String, Long> errorsByClass) {
        this(epochMillis, intervalSeconds, requests, successes, failures, p50Micros, p99Micros, warmup, errorsByClass,
                List.of(), List.of());
    }

    /** The same second, marked as warm-up (not counted). */
    public IntervalFigures asWarmup() {
        return new IntervalFigures(epochMillis, intervalSeconds, requests, successes, failures, p50Micros, p99Micros,
                true, errorsByClass, nodeSuccesses, nodeFailures);
    }

    public double requestsPerSec() {
        return intervalSeconds <= 0 ? 0 : requests / intervalSeconds;
    }
}
