package io.repram.orchestrate.monitor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The cluster at one moment, with the requests since an earlier moment (the previous second for
 * the dashboard, the previous CSV row for the files).
 *
 * @param storageItems items summed over the UP nodes (a replicated item counts on every node
 *                     holding it); -1 when no node says
 */
public record Tick(Instant time, long elapsedMillis, List<NodeTick> nodes, int upNodes, int expectedNodes,
                   Window cluster, long storageItems, long storageBytes, double healthScore) {

    /** One node: its latest reading, its container stats (null outside Docker) and its requests in the window. */
    public record NodeTick(MonitorTarget target, NodeReading reading, StatsSource.Latest stats, Window window) {
        public boolean up() {
            return reading.up();
        }
    }

    public Tick {
        nodes = List.copyOf(nodes);
    }

    static Tick of(Instant time, long elapsedMillis, List<MonitorTarget> targets, Map<Integer, NodeReading> before,
                   Map<Integer, NodeReading> now, StatsSource stats, int expectedNodes) {
        List<NodeTick> rows = new ArrayList<>();
        Window cluster = Window.NONE;
        int up = 0;
        long items = -1, bytes = -1;
        for (MonitorTarget t : targets) {
            NodeReading r = now.get(t.index());
            Window w = Window.between(before.get(t.index()), r);
            rows.add(new NodeTick(t, r, stats.latest(t.index()), w));
            cluster = cluster.plus(w);
            if (!r.up()) continue;
            up++;
            if (r.storageItems() >= 0) items = Math.max(items, 0) + r.storageItems();
            if (r.storageBytes() >= 0) bytes = Math.max(bytes, 0) + r.storageBytes();
        }
        double health = HealthScore.of(up, expectedNodes, cluster.requests(), cluster.failed());
        return new Tick(time, elapsedMillis, rows, up, expectedNodes, cluster, items, bytes, health);
    }
}
