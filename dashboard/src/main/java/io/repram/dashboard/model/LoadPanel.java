package io.repram.dashboard.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The load generator's figures for the latest interval (about one second) plus running totals of
 * the current scenario.
 *
 * @param requestsPerSec  requests completed per second in the latest interval
 * @param successPercent  successful requests in the latest interval, 0..100
 * @param p50Millis       median latency in the latest interval
 * @param p99Millis       99th percentile latency in the latest interval
 * @param totalRequests   requests sent so far in the current scenario
 * @param totalFailures   failed requests so far in the current scenario
 * @param errorsByClass   failures so far by class ("timeout", "status_503", ...), in display order
 */
public record LoadPanel(
        double requestsPerSec,
        double successPercent,
        double p50Millis,
        double p99Millis,
        long totalRequests,
        long totalFailures,
        Map<String, Long> errorsByClass) {

    /** Shown while no load runs, e.g. in {@code monitor} or during a cooldown. */
    public static final LoadPanel IDLE = new LoadPanel(0, 0, 0, 0, 0, 0, Map.of());

    public LoadPanel {
        // LinkedHashMap keeps the caller's order (e.g. most frequent first); the copy keeps it immutable.
        errorsByClass = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(errorsByClass));
    }

    public boolean idle() {
        return requestsPerSec == 0 && totalRequests == 0;
    }
}
