package io.repram.orchestrate.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The one place for scenario defaults and allowed ranges. A key left out of a scenario file, and
 * every axis of an ad-hoc run without a file, takes its value from here. scenarios/README.md
 * documents the same values.
 */
public final class ScenarioDefaults {

    public static final String NAME = "adhoc";
    public static final String IMAGE = "repram-node:latest";
    public static final List<Integer> CLUSTER_SIZES = List.of(3);
    public static final List<Integer> CONCURRENCY = List.of(25);
    public static final List<Integer> PAYLOAD_BYTES = List.of(1024);
    public static final Duration DURATION = Duration.ofSeconds(60);
    public static final Duration WARMUP = Duration.ofSeconds(5);
    public static final Duration BETWEEN_SCENARIOS = Duration.ofSeconds(10);
    public static final Duration BETWEEN_CLUSTER_SIZES = Duration.ofSeconds(30);
    public static final int PUT_PERCENT = 70;
    public static final int TTL_SECONDS = 300;
    public static final int KEY_SPACE = 10_000;
    public static final Integer RATE_PER_SECOND = null;
    public static final Workload.Targets TARGETS = Workload.Targets.ALL;
    /** No agents: the in-process load generator. */
    public static final int AGENTS = 0;

    // Allowed ranges, inclusive.
    public static final int MIN_CLUSTER_SIZE = 1;
    public static final int MAX_CLUSTER_SIZE = 50;
    public static final int MIN_CONCURRENCY = 1;
    public static final int MAX_CONCURRENCY = 10_000;
    public static final int MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;
    /** Upstream nodes raise shorter TTLs to this; we accept them but warn. */
    public static final int UPSTREAM_MIN_TTL_SECONDS = 300;
    public static final int MAX_TTL_SECONDS = 86_400;
    public static final int MAX_RATE_PER_SECOND = 1_000_000;
    public static final Duration MIN_DURATION = Duration.ofSeconds(1);
    public static final Duration MAX_DURATION = Duration.ofHours(24);
    public static final Duration MAX_WARMUP_OR_COOLDOWN = Duration.ofHours(1);
    public static final double MAX_CPUS = 1024;
    /** {@code load.agents} in a file; 0 (no agents) is what leaving the block out means. */
    public static final int MIN_AGENTS = 1;
    public static final int MAX_AGENTS = 64;
    /** node.network values; absent lets the engine choose (host for the tool's own image on one Linux host). */
    public static final List<String> NETWORKS = List.of("host", "bridge");
    /** Docker refuses containers with less memory than this. */
    public static final long MIN_MEMORY_BYTES = 6L * 1024 * 1024;
    /** {@code repeat}: trials per cell. */
    public static final int REPEAT = 1;
    public static final int MAX_REPEAT = 50;
    /** {@code duration: {precision}} bounds, percent of the mean. */
    public static final double MIN_PRECISION_PERCENT = 0.1;
    public static final double MAX_PRECISION_PERCENT = 50;
    /** An adaptive window shorter than this has too few seconds for a block-bootstrap interval. */
    public static final Duration MIN_ADAPTIVE_DURATION = Duration.ofSeconds(5);
    /** {@code warmup: {max}} must leave room for the stability test's window. */
    public static final Duration MIN_STABLE_WARMUP = Duration.ofSeconds(5);

    private ScenarioDefaults() {
    }

    public static Matrix matrix() {
        return new Matrix(CLUSTER_SIZES, CONCURRENCY, PAYLOAD_BYTES);
    }

    public static Cooldown cooldown() {
        return new Cooldown(BETWEEN_SCENARIOS, BETWEEN_CLUSTER_SIZES);
    }

    public static Workload workload() {
        return new Workload(PUT_PERCENT, TTL_SECONDS, KEY_SPACE, RATE_PER_SECOND, TARGETS);
    }

    public static NodeSettings node() {
        return new NodeSettings(Map.of(), null, null);
    }

    public static LoadSettings load() {
        return new LoadSettings(AGENTS);
    }

    /** The scenario of an ad-hoc run without a file: 3 nodes, 25 workers, 1 KB, 60 s. */
    public static Scenario scenario() {
        return new Scenario(NAME, IMAGE, matrix(), DURATION, WARMUP, cooldown(), workload(), node(),
                Map.of(), List.of(), load());
    }
}
