package io.repram.orchestrate.run;

import io.repram.orchestrate.engine.NodeEndpoint;
import io.repram.orchestrate.engine.NodeProbe;
import io.repram.orchestrate.monitor.NodeReader;
import io.repram.orchestrate.monitor.NodeReading;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Polls every node's {@code /v1/status} and {@code /v1/metrics} once a second on its own thread, so
 * the run loop can show UP/DOWN, stored items and served requests without doing I/O itself.
 */
public final class NodeWatcher implements AutoCloseable {

    /** What was last seen of one node. -1 means unknown. */
    public record NodeStatus(boolean up, long requests, long itemsStored) {
        static final NodeStatus UNKNOWN = new NodeStatus(false, -1, -1);
    }

    private final NodeReader reader = new NodeReader(new NodeProbe());
    private final List<NodeEndpoint> nodes;
    private final ConcurrentHashMap<Integer, NodeStatus> status = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "node-watcher");
        t.setDaemon(true);
        return t;
    });

    public NodeWatcher(List<NodeEndpoint> nodes) {
        this.nodes = List.copyOf(nodes);
        // The first round before the first cell: until it is in, every node would show DOWN (not
        // yet seen), and on a busy machine that round takes seconds of the dashboard's first frames.
        pollAll();
        timer.scheduleWithFixedDelay(this::pollAll, 1, 1, TimeUnit.SECONDS);
    }

    private void pollAll() {
        for (NodeEndpoint n : nodes) {
            status.put(n.index(), poll(n));
        }
    }

    private NodeStatus poll(NodeEndpoint n) {
        NodeReading r = reader.read(n.baseUri());
        return new NodeStatus(r.up(), r.requests(), r.storageItems());
    }

    public NodeStatus status(int nodeIndex) {
        return status.getOrDefault(nodeIndex, NodeStatus.UNKNOWN);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
