package io.repram.orchestrate.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.repram.orchestrate.engine.NodeEndpoint;
import io.repram.orchestrate.engine.NodeProbe;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Polls every node's {@code /v1/status} once a second on its own thread, so the run loop can show
 * UP/DOWN, stored items and served requests without doing I/O itself.
 */
public final class NodeWatcher implements AutoCloseable {

    /** What was last seen of one node. -1 means unknown. */
    public record NodeStatus(boolean up, long requests, long itemsStored) {
        static final NodeStatus UNKNOWN = new NodeStatus(false, -1, -1);
    }

    private final NodeProbe probe = new NodeProbe();
    private final List<NodeEndpoint> nodes;
    private final ConcurrentHashMap<Integer, NodeStatus> status = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "node-watcher");
        t.setDaemon(true);
        return t;
    });

    public NodeWatcher(List<NodeEndpoint> nodes) {
        this.nodes = List.copyOf(nodes);
        timer.scheduleWithFixedDelay(this::pollAll, 0, 1, TimeUnit.SECONDS);
    }

    private void pollAll() {
        for (NodeEndpoint n : nodes) {
            status.put(n.index(), poll(n));
        }
    }

    private NodeStatus poll(NodeEndpoint n) {
        try {
            JsonNode s = probe.getJson(n.baseUri(), "/v1/status");
            return new NodeStatus(true, firstNumber(s, "requests_total", "total_requests", "requests"),
                    firstNumber(s, "items", "item_count", "storage_items", "keys"));
        } catch (IOException e) {
            return new NodeStatus(false, -1, -1);
        }
    }

    /**
     * Upstream and our node name their counters differently, and some nest them: take the first
     * of the given names found anywhere in the document.
     */
    static long firstNumber(JsonNode doc, String... names) {
        for (String name : names) {
            JsonNode v = doc.findValue(name);
            if (v != null && v.isNumber()) return v.asLong();
        }
        return -1;
    }

    public NodeStatus status(int nodeIndex) {
        return status.getOrDefault(nodeIndex, NodeStatus.UNKNOWN);
    }

    public long healthyCount() {
        return nodes.stream().filter(n -> status(n.index()).up()).count();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
