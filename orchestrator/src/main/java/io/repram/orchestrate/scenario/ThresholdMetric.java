package io.repram.orchestrate.scenario;

import io.repram.orchestrate.result.CellResult;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/** The figures a threshold may gate on, by their name in scenario files. */
public enum ThresholdMetric {
    SUCCESS_RATE("success_rate", "%", r -> r.load().successRate()),
    REQUESTS_PER_SEC("requests_per_sec", "req/s", r -> r.load().requestsPerSec()),
    P50_MS("p50_ms", "ms", r -> r.load().all().p50Nanos() / 1e6),
    P90_MS("p90_ms", "ms", r -> r.load().all().p90Nanos() / 1e6),
    P99_MS("p99_ms", "ms", r -> r.load().all().p99Nanos() / 1e6),
    P999_MS("p999_ms", "ms", r -> r.load().all().p999Nanos() / 1e6),
    MAX_MS("max_ms", "ms", r -> r.load().all().maxNanos() / 1e6),
    AVG_LATENCY_MS("avg_latency_ms", "ms", r -> r.load().all().meanNanos() / 1e6),
    ERROR_COUNT("error_count", "errors", r -> r.load().failures()),
    // Unmeasured (no audit, or one node: nothing to converge) counts as 0: nothing was seen to go wrong.
    LOST_WRITES("lost_writes", "writes", r -> r.audit() == null ? 0 : r.audit().lostWrites()),
    CORRUPT_READS("corrupt_reads", "reads", r -> r.audit() == null ? 0 : r.audit().corruptReads()),
    CONVERGENCE_P99_MS("convergence_p99_ms", "ms", r -> r.convergence() == null ? 0 : r.convergence().p99Millis());

    private final String key;
    private final String unit;
    private final ToDoubleFunction<CellResult> extractor;

    ThresholdMetric(String key, String unit, ToDoubleFunction<CellResult> extractor) {
        this.key = key;
        this.unit = unit;
        this.extractor = extractor;
    }

    /** The name used in scenario files, e.g. {@code p99_ms}. */
    public String key() {
        return key;
    }

    public String unit() {
        return unit;
    }

    public double measure(CellResult result) {
        return extractor.applyAsDouble(result);
    }

    public static Optional<ThresholdMetric> byKey(String key) {
        return Arrays.stream(values()).filter(m -> m.key.equals(key)).findFirst();
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(ThresholdMetric::key).toList();
    }
}
