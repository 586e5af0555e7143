package io.repram.orchestrate.scenario;

import java.util.Map;

/** Per-node settings: extra REPRAM_* environment and optional resource limits. */
public record NodeSettings(Map<String, String> env, Double cpus, Long memoryBytes) {
    public NodeSettings {
        env = Map.copyOf(env);
    }
}
