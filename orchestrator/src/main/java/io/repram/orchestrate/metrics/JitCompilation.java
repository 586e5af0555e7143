package io.repram.orchestrate.metrics;

import java.util.OptionalDouble;

/**
 * A JVM node's JIT compile time so far, from the Prometheus JVM collector's
 * {@code jvm_compilation_time_seconds_total} (or the older client's {@code jvm_compilation_time_ms_total}).
 * It is the HotSpot compilation MXBean's figure: the compile tasks' elapsed time summed over the
 * compiler threads, so on a crowded machine it grows faster than the compilers' CPU. A node whose
 * figure has stopped growing has compiled its hot paths; one still growing runs part of its request
 * path interpreted or at a lower tier, slower than it will be.
 */
public final class JitCompilation {

    public static final String METRIC = "jvm_compilation_time_seconds_total";
    static final String METRIC_MS = "jvm_compilation_time_ms_total";

    private JitCompilation() {
    }

    /** Compile seconds so far; empty when the text has no such metric (a non-JVM image, or no JVM collector). */
    public static OptionalDouble seconds(String promText) {
        for (PromText.Sample s : PromText.parse(promText)) {
            if (METRIC.equals(s.name())) return OptionalDouble.of(s.value());
            if (METRIC_MS.equals(s.name())) return OptionalDouble.of(s.value() / 1000);
        }
        return OptionalDouble.empty();
    }
}
