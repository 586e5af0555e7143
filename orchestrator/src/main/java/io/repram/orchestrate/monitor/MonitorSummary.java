package io.repram.orchestrate.monitor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the report needs, gathered while monitoring: per-node resource peaks and averages and
 * UP/DOWN changes from every one-second tick, cluster figures from every CSV interval.
 */
final class MonitorSummary {

    /** A node changed between UP and DOWN (or was DOWN at the first look). */
    record Change(Instant time, long elapsedMillis, String node, boolean up) {
    }

    /** One CSV interval of the cluster. */
    record Point(Instant time, long elapsedMillis, double requestsPerSec, long requests, long failed, int upNodes,
                 double healthScore, long storageItems, long storageBytes) {
    }

    /** Running figures of one node. */
    static final class NodeFigures {
        final MonitorTarget target;
        int ticks;
        int upTicks;
        int statsSamples;
        double cpuSum;
        double cpuPeak = Double.NaN;
        double memorySum;
        long memoryPeak = -1;
        double memoryPercentPeak = Double.NaN;
        long lastRequests = -1;
        long lastItems = -1;

        NodeFigures(MonitorTarget target) {
            this.target = target;
        }

        double cpuAverage() {
            return statsSamples == 0 ? Double.NaN : cpuSum / statsSamples;
        }

        double memoryAverageBytes() {
            return statsSamples == 0 ? Double.NaN : memorySum / statsSamples;
        }
    }

    private final Map<Integer, NodeFigures> nodes = new LinkedHashMap<>();
    private final Map<Integer, Boolean> lastUp = new LinkedHashMap<>();
    private final List<Change> changes = new ArrayList<>();
    private final List<Point> points = new ArrayList<>();

    MonitorSummary(List<MonitorTarget> targets) {
        for (MonitorTarget t : targets) nodes.put(t.index(), new NodeFigures(t));
    }

    /**
     * Takes a one-second tick.
     *
     * @return the UP/DOWN changes it showed, for the dashboard's events and the plain log
     */
    List<Change> second(Tick tick) {
        List<Change> fresh = new ArrayList<>();
        for (Tick.NodeTick n : tick.nodes()) {
            NodeFigures f = nodes.get(n.target().index());
            f.ticks++;
            if (n.up()) {
                f.upTicks++;
                if (n.reading().requests() >= 0) f.lastRequests = n.reading().requests();
                if (n.reading().storageItems() >= 0) f.lastItems = n.reading().storageItems();
            }
            if (n.stats() != null) {
                var s = n.stats().sample();
                f.statsSamples++;
                f.cpuSum += s.cpuPercent();
                f.cpuPeak = Double.isNaN(f.cpuPeak) ? s.cpuPercent() : Math.max(f.cpuPeak, s.cpuPercent());
                f.memorySum += s.memoryBytes();
                f.memoryPeak = Math.max(f.memoryPeak, s.memoryBytes());
                f.memoryPercentPeak = Double.isNaN(f.memoryPercentPeak) ? s.memoryPercent()
                        : Math.max(f.memoryPercentPeak, s.memoryPercent());
            }
            Boolean before = lastUp.put(n.target().index(), n.up());
            if ((before == null && !n.up()) || (before != null && before != n.up())) {
                Change c = new Change(tick.time(), tick.elapsedMillis(), n.target().node(), n.up());
                changes.add(c);
                fresh.add(c);
            }
        }
        return fresh;
    }

    /** Takes the tick written as a CSV row. */
    void interval(Tick tick) {
        points.add(new Point(tick.time(), tick.elapsedMillis(), tick.cluster().requestsPerSec(), tick.cluster().requests(),
                tick.cluster().failed(), tick.upNodes(), tick.healthScore(), tick.storageItems(), tick.storageBytes()));
    }

    List<NodeFigures> nodes() {
        return List.copyOf(nodes.values());
    }

    List<Change> changes() {
        return List.copyOf(changes);
    }

    List<Point> points() {
        return List.copyOf(points);
    }
}
