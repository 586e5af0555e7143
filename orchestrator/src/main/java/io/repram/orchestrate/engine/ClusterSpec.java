package io.repram.orchestrate.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * What to start: {@code size} nodes of {@code image}, with extra REPRAM_* environment on top of
 * the engine's own (node id, address, peers, private network, a rate limit no load reaches).
 *
 * @param basePort    first host port to try for node 0 (node i tries basePort+i); 0 = any free port
 * @param cpus        CPU limit per node, or null for none
 * @param memoryBytes memory limit per node, or null for none
 * @param logDir      where each node's whole log is kept as {@code node-<i>.log} (appended to, so a
 *                    replaced cluster or a resumed run adds to it); null keeps no log after the cluster
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
        Duration healthTimeout,
        Path logDir) {

    public ClusterSpec {
        if (size < 1) throw new IllegalArgumentException("cluster size must be >= 1, was " + size);
        env = Map.copyOf(env);
    }

    /** A cluster whose node logs are not kept. */
    public ClusterSpec(String runId, String scenarioName, int size, String image, Map<String, String> env, Double cpus,
                       Long memoryBytes, int basePort, Duration healthTimeout) {
        this(runId, scenarioName, size, image, env, cpus, memoryBytes, basePort, healthTimeout, null);
    }

    /** The kept log of node {@code index}, or null when logs are not kept. */
    public Path nodeLog(int index) {
        return logDir == null ? null : logDir.resolve("node-" + index + ".log");
    }
}
