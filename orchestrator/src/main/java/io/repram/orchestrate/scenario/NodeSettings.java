package io.repram.orchestrate.scenario;

import java.util.Map;

/**
 * Per-node settings: extra REPRAM_* environment and optional resource limits.
 *
 * @param network how a container node is networked: {@code host} or {@code bridge}
 *                ({@link ScenarioDefaults#NETWORKS}); null lets the engine choose (see docs)
 * @param cpuset  the CPUs every node may run on, as Docker's --cpuset-cpus ("1", "1-3", "0,2");
 *                null for no pinning
 */
public record NodeSettings(Map<String, String> env, Double cpus, Long memoryBytes, String network, String cpuset) {
    public NodeSettings {
        env = Map.copyOf(env);
    }

    public NodeSettings(Map<String, String> env, Double cpus, Long memoryBytes) {
        this(env, cpus, memoryBytes, null, null);
    }

    /** The same settings with another environment (secrets redacted or restored). */
    public NodeSettings withEnv(Map<String, String> other) {
        return new NodeSettings(other, cpus, memoryBytes, network, cpuset);
    }
}
