package io.repram.orchestrate.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
 * @param network     how container nodes are networked; null lets the engine choose
 * @param nodeCpusets per node index, the CPUs it may run on ("1-3"); empty for no pinning, one
 *                    entry for the same set on every node
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
        Path logDir,
        NetworkMode network,
        List<String> nodeCpusets) {

    public ClusterSpec {
        if (size < 1) throw new IllegalArgumentException("cluster size must be >= 1, was " + size);
        env = Map.copyOf(env);
        nodeCpusets = nodeCpusets == null ? List.of() : List.copyOf(nodeCpusets);
    }

    /** A cluster on the engine's default network, unpinned. */
    public ClusterSpec(String runId, String scenarioName, int size, String image, Map<String, String> env, Double cpus,
                       Long memoryBytes, int basePort, Duration healthTimeout, Path logDir) {
        this(runId, scenarioName, size, image, env, cpus, memoryBytes, basePort, healthTimeout, logDir, null, List.of());
    }

    /** The CPUs node {@code index} may run on, or null when it is not pinned. */
    public String cpusetOf(int index) {
        if (nodeCpusets.isEmpty()) return null;
        return nodeCpusets.size() == 1 ? nodeCpusets.get(0) : nodeCpusets.get(index);
    }

    /** The same cluster with another network and pinning. */
    public ClusterSpec withPlacement(NetworkMode network, List<String> nodeCpusets) {
        return new ClusterSpec(runId, scenarioName, size, image, env, cpus, memoryBytes, basePort, healthTimeout, logDir,
                network, nodeCpusets);
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
