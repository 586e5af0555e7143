package io.repram.orchestrate.results;

import java.util.Map;

/** Load figures of one live interval (about one second), for progress lines and the dashboard. */
public record IntervalFigures(
        long epochMillis,
        double intervalSeconds,
        long requests,
        long successes,
        long failures,
        long p50Micros,
        long p99Micros,
        boolean warmup,
        Map<String, Long> errorsByClass) {

    public IntervalFigures {
        errorsByClass = Map.copyOf(errorsByClass);
    }

    public double requestsPerSec() {
        return intervalSeconds <= 0 ? 0 : requests / intervalSeconds;
    }
}
