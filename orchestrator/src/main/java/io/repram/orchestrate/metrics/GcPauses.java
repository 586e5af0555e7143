package io.repram.orchestrate.metrics;

import java.util.List;
import java.util.OptionalDouble;

/**
 * A node's stop-the-world GC time so far, from the Prometheus JVM collector's
 * {@code jvm_gc_collection_seconds_sum} (one sample per collector). Collectors that run
 * concurrently with the application (G1's "G1 Concurrent GC", ZGC's and Shenandoah's "Cycles") are
 * left out: their time is not a pause.
 */
public final class GcPauses {

    public static final String METRIC = "jvm_gc_collection_seconds_sum";

    private GcPauses() {
    }

    /** Pause seconds summed over the pausing collectors; empty when the text has no such metric. */
    public static OptionalDouble seconds(String promText) {
        List<PromText.Sample> samples = PromText.parse(promText).stream().filter(s -> METRIC.equals(s.name())).toList();
        if (samples.isEmpty()) return OptionalDouble.empty();
        double sum = 0;
        for (PromText.Sample s : samples) {
            String gc = s.label("gc") == null ? "" : s.label("gc");
            if (gc.contains("Concurrent") || gc.endsWith("Cycles")) continue;
            sum += s.value();
        }
        return OptionalDouble.of(sum);
    }
}
