package io.repram.orchestrate.engine;

import java.time.Duration;
import java.util.Map;

/**
 * What to start: {@code size} nodes of {@code image}, with extra REPRAM_* environment on top of
 * the engine's own (node id, address, peers, private network, a rate limit no load reaches).
 *
 * @param basePort    first host port to try for node 0 (node i tries basePort+i); 0 = any free port
 * @param cpus        CPU limit per node, or null for none
 * @param memoryBytes memory limit per node, or null for none
 */
public record ClusterSpec(
        String runId,
        String scenarioName,
        int size,
        String image,
        Map<String, String> env,
        Double cpus,
        Long memoryBytes,
        int basePort,
        Duration healthTimeout) {

    public ClusterSpec {
        if (size < 1) throw new IllegalArgumentException("cluster size must be >= 1, was " + size);
        env = Map.copyOf(env);
    }
}
