package io.repram.orchestrate.engine;

import java.util.List;

/** A running cluster as the rest of the tool sees it: an id and one endpoint per node. */
public record Cluster(String id, ClusterSpec spec, List<NodeEndpoint> nodes) {
    public Cluster {
        nodes = List.copyOf(nodes);
    }

    public int size() {
        return nodes.size();
    }
}
