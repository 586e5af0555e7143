package io.repram.orchestrate.engine;

import java.util.List;
import java.util.function.Consumer;

/**
 * A cluster an engine started, as a handle: its endpoints, and what can be done to it while it
 * runs. Closing it stops and removes the cluster; the engine's own close removes whatever is left.
 */
public interface RunningCluster extends AutoCloseable {

    /** The cluster's id, spec and endpoints, as plain values for the layers above. */
    Cluster cluster();

    default String id() {
        return cluster().id();
    }

    default List<NodeEndpoint> nodes() {
        return cluster().nodes();
    }

    default int size() {
        return cluster().size();
    }

    /**
     * Samples resource usage of every node about once a second until the returned handle is
     * closed; no sample reaches the sink once that close returned.
     */
    AutoCloseable stats(Consumer<NodeStatsSample> sink) throws EngineException;

    /** Applies a fault to one node (kill, pause, disconnect, ...). */
    void fault(int nodeIndex, FaultAction action) throws EngineException;

    /** Returns the last lines of a node's log, for error messages. */
    String logs(int nodeIndex, int tailLines);

    /**
     * Where each node runs (swarm node hostname and id), in node-index order; empty when every
     * node runs on this machine.
     */
    default List<Placement> placement() {
        return List.of();
    }

    /** Stops and removes the cluster. Never throws (failures are logged); idempotent. */
    @Override
    void close();
}
