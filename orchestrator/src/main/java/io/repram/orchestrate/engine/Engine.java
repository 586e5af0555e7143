package io.repram.orchestrate.engine;

import java.util.function.Consumer;

/**
 * One way of running a REPRAM cluster (Docker containers, child processes, ...). Engine-specific
 * types never leave the implementation: callers see only node endpoints and plain stats samples.
 * Closing an engine removes everything it created.
 */
public interface Engine extends AutoCloseable {

    /** Short name recorded in run.json, e.g. "docker" or "process". */
    String name();

    /** Facts about the machine and the node software, recorded in run.json. */
    EnvironmentInfo environment();

    /** Starts a cluster and returns once every node is healthy and sees its peers. */
    Cluster start(ClusterSpec spec) throws EngineException;

    /**
     * Samples resource usage of every node of the cluster about once a second until the returned
     * handle is closed.
     */
    AutoCloseable sampleStats(Cluster cluster, Consumer<NodeStatsSample> sink) throws EngineException;

    /** Applies a fault to one node (kill, pause, disconnect, ...). */
    void fault(Cluster cluster, int nodeIndex, FaultAction action) throws EngineException;

    /** Returns the last lines of a node's log, for error messages. */
    String logs(Cluster cluster, int nodeIndex, int tailLines);

    /**
     * How this engine runs distributed load agents, or empty when they should run as local
     * processes on this machine (fine whenever the nodes are reachable from here).
     */
    default java.util.Optional<AgentLauncher> agentLauncher() {
        return java.util.Optional.empty();
    }

    /**
     * Where each node of the cluster runs (swarm node hostname and id), in node-index order; empty
     * when every node runs on this machine.
     */
    default java.util.List<Placement> placement(Cluster cluster) {
        return java.util.List.of();
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

    /** Stops and removes the cluster. Never throws: failures are logged. */
    void stop(Cluster cluster);

    /** Removes everything this engine created in this session. */
    @Override
    void close();
}
