package io.repram.orchestrate.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A validated scenario file. Immutable; defaults live in {@link ScenarioDefaults}.
 *
 * @param thresholds raw threshold expressions by metric name, e.g. {@code p99_ms -> "<= 50"}
 * @param load       where the load comes from (in-process generator or distributed agents)
 * @param search     null = run each cell once; set = find each size × payload's highest rate within an SLO
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
        List<FaultSpec> faults,
        LoadSettings load,
        SearchSpec search) {

    public Scenario {
        thresholds = Map.copyOf(thresholds);
        faults = List.copyOf(faults);
        // run.json of versions without agents has no load block.
        load = load == null ? LoadSettings.IN_PROCESS : load;
    }

    /** A scenario that runs each cell once (no rate search). */
    public Scenario(String name, String image, Matrix matrix, Duration duration, Duration warmup, Cooldown cooldown,
                    Workload workload, NodeSettings node, Map<String, String> thresholds, List<FaultSpec> faults,
                    LoadSettings load) {
        this(name, image, matrix, duration, warmup, cooldown, workload, node, thresholds, faults, load, null);
    }

    /** A scenario whose load comes from the in-process generator. */
    public Scenario(String name, String image, Matrix matrix, Duration duration, Duration warmup, Cooldown cooldown,
                    Workload workload, NodeSettings node, Map<String, String> thresholds, List<FaultSpec> faults) {
        this(name, image, matrix, duration, warmup, cooldown, workload, node, thresholds, faults, LoadSettings.IN_PROCESS);
    }
}
