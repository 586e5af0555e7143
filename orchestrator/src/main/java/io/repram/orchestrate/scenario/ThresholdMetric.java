package io.repram.orchestrate.scenario;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The figures a threshold may gate on, by their name in scenario files; {@code gate} measures them. */
public enum ThresholdMetric {
    SUCCESS_RATE("success_rate", "%"),
    REQUESTS_PER_SEC("requests_per_sec", "req/s"),
    P50_MS("p50_ms", "ms"),
    P90_MS("p90_ms", "ms"),
    P99_MS("p99_ms", "ms"),
    P999_MS("p999_ms", "ms"),
    MAX_MS("max_ms", "ms"),
    AVG_LATENCY_MS("avg_latency_ms", "ms"),
    ERROR_COUNT("error_count", "errors"),
    LOST_WRITES("lost_writes", "writes"),
    CORRUPT_READS("corrupt_reads", "reads"),
    CONVERGENCE_P99_MS("convergence_p99_ms", "ms"),
    /** The worst node's availability: share of the measured window's 1-second intervals it answered 2xx in. */
    NODE_AVAILABILITY("node_availability", "%");

    private final String key;
    private final String unit;

    ThresholdMetric(String key, String unit) {
        this.key = key;
        this.unit = unit;
    }

    /** The name used in scenario files, e.g. {@code p99_ms}. */
    public String key() {
        return key;
    }

    public String unit() {
        return unit;
    }

    public static Optional<ThresholdMetric> byKey(String key) {
        return Arrays.stream(values()).filter(m -> m.key.equals(key)).findFirst();
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(ThresholdMetric::key).toList();
    }
}
