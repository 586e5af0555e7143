package io.repram.orchestrate.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A validated scenario file. Immutable; defaults live in {@link ScenarioDefaults}.
 *
 * @param thresholds raw threshold expressions by metric name, e.g. {@code p99_ms -> "<= 50"}
 * @param load       where the load comes from (in-process generator or distributed agents)
 * @param measurement trials, adaptive length and stable warm-up; with an adaptive length {@code duration}
 *                    is its longest window, with a stable warm-up {@code warmup} its longest warm-up
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
        Measurement measurement,
        SearchSpec search) {

    public Scenario {
        thresholds = Map.copyOf(thresholds);
        faults = List.copyOf(faults);
        // run.json of versions without agents has no load block.
        load = load == null ? LoadSettings.IN_PROCESS : load;
        measurement = measurement == null ? Measurement.FIXED : measurement;
    }

    /** A scenario measured with {@code measurement} and no rate search. */
    public Scenario(String name, String image, Matrix matrix, Duration duration, Duration warmup, Cooldown cooldown,
                    Workload workload, NodeSettings node, Map<String, String> thresholds, List<FaultSpec> faults,
                    LoadSettings load, Measurement measurement) {
        this(name, image, matrix, duration, warmup, cooldown, workload, node, thresholds, faults, load, measurement, null);
    }

    /** The same scenario with another measurement (e.g. {@code run --repeat}). */
    public Scenario withMeasurement(Measurement m) {
        return new Scenario(name, image, matrix, duration, warmup, cooldown, workload, node, thresholds, faults, load, m,
                search);
    }

    /**
     * One step of this scenario without its faults: a search's warm-up or probe runs the same cluster
     * and load for {@code stepDuration} after {@code stepWarmup}, with another workload and measurement.
     */
    public Scenario asStep(Duration stepDuration, Duration stepWarmup, Workload stepWorkload, Measurement m) {
        return new Scenario(name, image, matrix, stepDuration, stepWarmup, cooldown, stepWorkload, node, thresholds,
                List.of(), load, m, search);
    }

    /** The same scenario with other node settings. */
    public Scenario withNode(NodeSettings other) {
        return new Scenario(name, image, matrix, duration, warmup, cooldown, workload, other, thresholds, faults, load,
                measurement, search);
    }

    /** A scenario measured as before trials existed (one fixed window per cell), with no rate search. */
    public Scenario(String name, String image, Matrix matrix, Duration duration, Duration warmup, Cooldown cooldown,
                    Workload workload, NodeSettings node, Map<String, String> thresholds, List<FaultSpec> faults,
                    LoadSettings load) {
        this(name, image, matrix, duration, warmup, cooldown, workload, node, thresholds, faults, load, Measurement.FIXED,
                null);
    }

    /** A scenario whose load comes from the in-process generator. */
    public Scenario(String name, String image, Matrix matrix, Duration duration, Duration warmup, Cooldown cooldown,
                    Workload workload, NodeSettings node, Map<String, String> thresholds, List<FaultSpec> faults) {
        this(name, image, matrix, duration, warmup, cooldown, workload, node, thresholds, faults, LoadSettings.IN_PROCESS);
    }
}
