package io.repram.orchestrate.engine.process;

import io.repram.orchestrate.engine.Cluster;
import io.repram.orchestrate.engine.EngineException;
import io.repram.orchestrate.engine.FaultAction;
import io.repram.orchestrate.engine.NodeStatsSample;
import io.repram.orchestrate.engine.Reason;
import io.repram.orchestrate.engine.RunningCluster;

import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;

/** A cluster of child JVMs: faults are signals, stats come from /proc, logs from each node's file. */
public final class ProcessCluster implements RunningCluster {
    private static final long GRACEFUL_STOP_MILLIS = 5_000;
    private final Cluster cluster;
    private final List<NodeProcess> nodes;
    private final List<Integer> ports;
    private final ProcFs proc;
    private final Consumer<ProcessCluster> onClose;

    /** @param onClose stops the nodes and releases the ports; the engine forgets the cluster there */
    ProcessCluster(Cluster cluster, List<NodeProcess> nodes, List<Integer> ports, ProcFs proc, Consumer<ProcessCluster> onClose) {
        this.cluster = cluster;
        this.nodes = List.copyOf(nodes);
        this.ports = List.copyOf(ports);
        this.proc = proc;
        this.onClose = onClose;
    }

    @Override
    public Cluster cluster() {
        return cluster;
    }

    List<NodeProcess> processes() {
        return nodes;
    }

    List<Integer> ports() {
        return ports;
    }

    @Override
    public AutoCloseable stats(Consumer<NodeStatsSample> sink) {
        Long specLimit = cluster.spec().memoryBytes();
        long limit = specLimit != null ? specLimit : proc.totalMemoryBytes();
        ProcessStatsSampler sampler = new ProcessStatsSampler(cluster.id(), nodes, proc, limit, sink);
        sampler.start();
        return sampler;
    }

    @Override
    public void fault(int nodeIndex, FaultAction action) throws EngineException {
        if (nodeIndex < 0 || nodeIndex >= nodes.size()) {
            throw new EngineException("Fault " + action + " targets node " + nodeIndex + ", but the cluster has nodes 0.."
                    + (nodes.size() - 1) + ". Fix: correct the node index in the scenario's faults.", Reason.BAD_INPUT);
        }
        NodeProcess node = nodes.get(nodeIndex);
        switch (action) {
            case KILL -> node.kill();
            case STOP -> node.stopGracefully(GRACEFUL_STOP_MILLIS);
            case START -> node.launch();
            case RESTART -> {
                node.stopGracefully(GRACEFUL_STOP_MILLIS);
                node.launch();
            }
            case PAUSE -> node.pause();
            case UNPAUSE -> node.unpause();
            case DISCONNECT, RECONNECT -> throw new EngineException("The process driver cannot " + action.name().toLowerCase()
                    + " a node: all node processes share the host's loopback network, so one cannot be cut off."
                    + " Fix: run this scenario with --driver docker.", Reason.BAD_INPUT);
        }
    }

    /** The current OS process id of a node, or empty when it is not running. For diagnostics and tests. */
    public OptionalLong nodePid(int nodeIndex) {
        return nodes.get(nodeIndex).handle().map(h -> OptionalLong.of(h.pid())).orElse(OptionalLong.empty());
    }

    @Override
    public String logs(int nodeIndex, int tailLines) {
        if (nodeIndex < 0 || nodeIndex >= nodes.size()) {
            return "(no log for node " + nodeIndex + " of cluster " + cluster.id() + ")";
        }
        return nodes.get(nodeIndex).tail(tailLines);
    }

    /** Asks all nodes at once, then waits one shared grace period, then kills the stragglers. */
    void stopNodes() {
        for (NodeProcess node : nodes) node.requestStop();
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(GRACEFUL_STOP_MILLIS);
        for (NodeProcess node : nodes) node.awaitExit(deadline);
    }

    @Override
    public void close() {
        onClose.accept(this);
    }
}
