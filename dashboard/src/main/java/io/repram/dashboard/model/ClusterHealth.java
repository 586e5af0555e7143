package io.repram.dashboard.model;

import java.util.List;

/**
 * How many of the cluster's nodes currently answer their health check.
 *
 * @param healthy nodes that answered healthy in the latest probe, 0..total
 * @param total   nodes the cluster is supposed to have
 */
public record ClusterHealth(int healthy, int total) {

    public ClusterHealth {
        if (total < 0 || healthy < 0 || healthy > total) {
            throw new IllegalArgumentException(
                    "ClusterHealth needs 0 <= healthy <= total, got healthy=" + healthy + ", total=" + total);
        }
    }

    /** Counts the UP rows, so callers that already built the node table need not count twice. */
    public static ClusterHealth of(List<NodeRow> nodes) {
        int up = (int) nodes.stream().filter(NodeRow::up).count();
        return new ClusterHealth(up, nodes.size());
    }

    public boolean allHealthy() {
        return healthy == total;
    }
}
