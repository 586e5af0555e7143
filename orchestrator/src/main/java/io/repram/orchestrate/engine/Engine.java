package io.repram.orchestrate.engine;

/**
 * One way of running a REPRAM cluster (Docker containers, child processes, ...). Engine-specific
 * types never leave the implementation: callers see a {@link RunningCluster} handle with node
 * endpoints and plain stats samples. Closing an engine removes everything it created.
 */
public interface Engine extends AutoCloseable {

    /** Short name recorded in run.json, e.g. "docker" or "process". */
    String name();

    /** Facts about the machine and the node software, recorded in run.json. */
    EnvironmentInfo environment();

    /**
     * Starts a cluster and returns once every node is healthy and sees its peers; a failed start
     * leaves nothing behind.
     */
    RunningCluster start(ClusterSpec spec) throws EngineException;

    /**
     * How this engine runs distributed load agents, or empty when they should run as local
     * processes on this machine (fine whenever the nodes are reachable from here).
     */
    default java.util.Optional<AgentLauncher> agentLauncher() {
        return java.util.Optional.empty();
    }

    /**
     * Engine facts known only after clusters ran (placement of every cluster, the stats source),
     * for run.json; null for engines with nothing to add.
     */
    default EngineDetails details() {
        return null;
    }

    /** The faults this engine can apply; a scenario asking for another must be refused before it starts. */
    default java.util.Set<FaultAction> supportedFaults() {
        return java.util.EnumSet.allOf(FaultAction.class);
    }

    /**
     * Fails, as {@link #start} would, when node i of a {@code clusterSize}-node cluster cannot have
     * port {@code basePort + i}; creates nothing. Lets a run refuse a taken port before it writes a
     * results directory. A no-op for engines that choose ports elsewhere, and for basePort 0.
     */
    default void checkPorts(int basePort, int clusterSize) throws EngineException {
    }

    /**
     * Fails, as {@link #start} would, when the node image is missing and cannot be built; builds it
     * when it can (start would). Lets a run refuse a missing image before it writes a results
     * directory. A no-op for engines without images.
     */
    default void checkImage(String image) throws EngineException {
    }

    /**
     * Fails, as {@link #start} would, when this engine cannot place a cluster as {@code spec} asks
     * (its network mode, its node CPU sets); creates nothing. Lets a run refuse before it writes a
     * results directory.
     */
    default void checkPlacement(ClusterSpec spec) throws EngineException {
        if (spec.network() != null) {
            throw new EngineException("node.network " + spec.network().key() + " is for container nodes; --driver "
                    + name() + " has no such choice. Fix: remove node.network, or use --driver docker.", Reason.BAD_INPUT);
        }
        if (!spec.nodeCpusets().isEmpty()) {
            throw new EngineException("--driver " + name() + " cannot pin nodes to CPUs (node.cpuset, load.isolate). "
                    + "Fix: remove them, or use --driver docker or process.", Reason.BAD_INPUT);
        }
    }

    /** Removes everything this engine created in this session, every cluster still running included. */
    @Override
    void close();
}
