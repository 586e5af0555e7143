package io.repram.orchestrate.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Ad-hoc command-line axes ({@code --cluster-size 5 --concurrency 75 --duration 180s
 * --payload-bytes 1024 --agents 3 --image NAME}). Each non-null value replaces that whole axis of
 * the scenario (or its {@code image:}); {@code --agents 0} forces the in-process generator.
 */
public record ScenarioOverrides(Integer clusterSize, Integer concurrency, Duration duration, Integer payloadBytes,
                                Integer agents, String image, Integer repeat) {

    public static final ScenarioOverrides NONE = new ScenarioOverrides(null, null, null, null, null, null, null);

    /** Overrides without {@code --repeat}. */
    public ScenarioOverrides(Integer clusterSize, Integer concurrency, Duration duration, Integer payloadBytes,
                             Integer agents, String image) {
        this(clusterSize, concurrency, duration, payloadBytes, agents, image, null);
    }

    public ScenarioOverrides(Integer clusterSize, Integer concurrency, Duration duration, Integer payloadBytes) {
        this(clusterSize, concurrency, duration, payloadBytes, null, null);
    }

    public ScenarioOverrides(Integer clusterSize, Integer concurrency, Duration duration, Integer payloadBytes,
                             Integer agents) {
        this(clusterSize, concurrency, duration, payloadBytes, agents, null);
    }

    public boolean isEmpty() {
        return clusterSize == null && concurrency == null && duration == null && payloadBytes == null && agents == null
                && image == null && repeat == null;
    }

    /** The scenario of a run without a file: the defaults with these overrides. */
    public Scenario applyToDefaults() {
        return applyTo(ScenarioDefaults.scenario());
    }

    /**
     * @throws ScenarioException when a flag is out of range, or makes a fault of the scenario
     *                           impossible (node index beyond the cluster, time beyond the window)
     */
    public Scenario applyTo(Scenario scenario) {
        List<String> problems = new ArrayList<>();
        check(problems, "--cluster-size", clusterSize, ScenarioDefaults.MIN_CLUSTER_SIZE, ScenarioDefaults.MAX_CLUSTER_SIZE);
        check(problems, "--concurrency", concurrency, ScenarioDefaults.MIN_CONCURRENCY, ScenarioDefaults.MAX_CONCURRENCY);
        check(problems, "--payload-bytes", payloadBytes, 0, ScenarioDefaults.MAX_PAYLOAD_BYTES);
        check(problems, "--agents", agents, 0, ScenarioDefaults.MAX_AGENTS);
        check(problems, "--repeat", repeat, 1, ScenarioDefaults.MAX_REPEAT);
        if (duration != null && (duration.compareTo(ScenarioDefaults.MIN_DURATION) < 0
                || duration.compareTo(ScenarioDefaults.MAX_DURATION) > 0)) {
            problems.add("--duration " + Units.formatDuration(duration) + " is out of range; allowed "
                    + Units.formatDuration(ScenarioDefaults.MIN_DURATION) + ".."
                    + Units.formatDuration(ScenarioDefaults.MAX_DURATION));
        }
        if (image != null && (image.isBlank() || image.chars().anyMatch(Character::isWhitespace))) {
            problems.add("--image '" + image + "' is not an image name; give one like repram-node:latest");
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        Matrix m = scenario.matrix();
        Matrix matrix = new Matrix(
                clusterSize == null ? m.clusterSizes() : List.of(clusterSize),
                concurrency == null ? m.concurrency() : List.of(concurrency),
                payloadBytes == null ? m.payloadBytes() : List.of(payloadBytes));
        Duration window = duration == null ? scenario.duration() : duration;
        checkFaults(scenario, matrix, window, problems);
        LoadSettings load = agents == null ? scenario.load() : new LoadSettings(agents, scenario.load().isolate());
        checkAgents(load, matrix, scenario.workload(), problems);
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        return new Scenario(scenario.name(), image == null ? scenario.image() : image, matrix, window, scenario.warmup(), scenario.cooldown(),
                scenario.workload(), scenario.node(), scenario.thresholds(), scenario.faults(), load,
                // --duration asks for that window: a fixed one, not the adaptive one's longest.
                measurement(scenario.measurement()), scenario.search());
    }

    private Measurement measurement(Measurement m) {
        Measurement sized = repeat == null ? m : m.withRepeat(repeat);
        return duration == null ? sized : sized.fixedLength();
    }

    private static void check(List<String> problems, String flag, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            problems.add(flag + " " + value + " is out of range; allowed " + min + ".." + max);
        }
    }

    /** Every agent needs a connection (and a request per second) of its own, in every cell. */
    private static void checkAgents(LoadSettings load, Matrix matrix, Workload workload, List<String> problems) {
        if (!load.distributed()) return;
        int fewest = matrix.concurrency().stream().mapToInt(Integer::intValue).min().orElse(1);
        if (fewest < load.agents()) {
            problems.add(load.agents() + " load agents need at least " + load.agents() + " workers per cell, but the "
                    + "smallest concurrency is " + fewest + "; use fewer agents or a larger --concurrency");
        }
        if (workload.ratePerSecond() != null && workload.ratePerSecond() < load.agents()) {
            problems.add(load.agents() + " load agents need a rate of at least " + load.agents() + " req/s, not "
                    + workload.ratePerSecond() + "; use fewer agents");
        }
    }

    private static void checkFaults(Scenario scenario, Matrix matrix, Duration window, List<String> problems) {
        int smallest = matrix.clusterSizes().stream().mapToInt(Integer::intValue).min().orElse(1);
        for (FaultSpec f : scenario.faults()) {
            if (f.node().chars().allMatch(Character::isDigit) && Integer.parseInt(f.node()) >= smallest) {
                problems.add("the fault '" + f.action() + " node " + f.node() + "' of scenario " + scenario.name()
                        + " needs at least " + (Integer.parseInt(f.node()) + 1) + " nodes, but the smallest cluster is "
                        + smallest + "; choose a larger --cluster-size");
            }
            if (f.at().compareTo(window) >= 0) {
                problems.add("the fault '" + f.action() + " at " + Units.formatDuration(f.at()) + "' of scenario "
                        + scenario.name() + " would never fire in a " + Units.formatDuration(window)
                        + " window; choose a longer --duration");
            }
        }
    }
}
