package io.repram.orchestrate.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A validated scenario file. Immutable; defaults live in {@link ScenarioDefaults}.
 *
 * @param thresholds raw threshold expressions by metric name, e.g. {@code p99_ms -> "<= 50"}
 */
public record Scenario(
        String name,
        String image,
        Matrix matrix,
        Duration duration,
        Duration warmup,
        Cooldown cooldown,
        Workload workload,
        NodeSettings node,
        Map<String, String> thresholds,
        List<FaultSpec> faults) {

    public Scenario {
        thresholds = Map.copyOf(thresholds);
        faults = List.copyOf(faults);
    }
}
