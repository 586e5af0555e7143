package io.repram.orchestrate.run;

import io.repram.orchestrate.engine.NodeStatsSample;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Receives the engine's per-node resource samples (on the sampler's thread), keeps the latest per
 * node, derives network rates, and tracks the cluster's (summed) and the busiest node's peak CPU and
 * memory within a window (one
 * cell's measured period). Samples are also kept until {@link #drainSamples()} hands them to the
 * results writer, so the sampler thread never does file I/O.
 */
public final class StatsTracker implements Consumer<NodeStatsSample> {
    private List<NodeStatsSample> pending = new ArrayList<>();
    private final Map<Integer, NodeStatsSample> latest = new HashMap<>();
    private final Map<Integer, double[]> netRates = new HashMap<>();
    /** Per node, the last sample before the window (or its first in it) and its latest in it: the throttling deltas. */
    private final Map<Integer, NodeStatsSample> windowStart = new HashMap<>();
    private final Map<Integer, NodeStatsSample> windowEnd = new HashMap<>();
    private boolean windowOpen;
    private double peakCpuPercent;
    private long peakMemoryBytes;
    private double nodePeakCpuPercent;
    private long nodePeakMemoryBytes;

    @Override
    public synchronized void accept(NodeStatsSample s) {
        pending.add(s);
        NodeStatsSample prev = latest.put(s.nodeIndex(), s);
        if (prev != null && s.epochMillis() > prev.epochMillis()) {
            netRates.put(s.nodeIndex(), s.netRatesSince(prev));
        }
        if (windowOpen) {
            windowStart.putIfAbsent(s.nodeIndex(), s);
            windowEnd.put(s.nodeIndex(), s);
            // The cluster's figure is the sum of each node's latest sample: nodes are sampled
            // independently, so "the same second" is the closest we can get.
            double cpu = 0;
            long mem = 0;
            for (NodeStatsSample n : latest.values()) {
                cpu += n.cpuPercent();
                mem += n.memoryBytes();
            }
            peakCpuPercent = Math.max(peakCpuPercent, cpu);
            peakMemoryBytes = Math.max(peakMemoryBytes, mem);
            nodePeakCpuPercent = Math.max(nodePeakCpuPercent, s.cpuPercent());
            nodePeakMemoryBytes = Math.max(nodePeakMemoryBytes, s.memoryBytes());
        }
    }

    /** The samples received since the last call, oldest first. */
    public synchronized List<NodeStatsSample> drainSamples() {
        List<NodeStatsSample> out = pending;
        pending = new ArrayList<>();
        return out;
    }

    public synchronized void openWindow() {
        windowOpen = true;
        windowStart.clear();
        windowStart.putAll(latest);
        windowEnd.clear();
        peakCpuPercent = 0;
        peakMemoryBytes = 0;
        nodePeakCpuPercent = 0;
        nodePeakMemoryBytes = 0;
    }

    public synchronized void closeWindow() {
        windowOpen = false;
    }

    public synchronized double peakCpuPercent() {
        return peakCpuPercent;
    }

    public synchronized long peakMemoryBytes() {
        return peakMemoryBytes;
    }

    /** The busiest single node's highest CPU sample in the window (100 = one core). */
    public synchronized double nodePeakCpuPercent() {
        return nodePeakCpuPercent;
    }

    /** The largest single node's highest memory sample in the window. */
    public synchronized long nodePeakMemoryBytes() {
        return nodePeakMemoryBytes;
    }

    /**
     * The node Docker throttled most in the last window: its throttled CFS periods as a share of its
     * periods. Null when no node reported throttling counters with periods in the window (no CPU
     * limit, or a driver without the counters).
     */
    public synchronized NodeThrottling mostThrottled() {
        NodeThrottling most = null;
        for (Map.Entry<Integer, NodeStatsSample> e : windowEnd.entrySet()) {
            NodeStatsSample first = windowStart.get(e.getKey());
            NodeStatsSample last = e.getValue();
            if (first == null || first.cpuPeriods() < 0 || last.cpuPeriods() < 0) continue;
            long periods = last.cpuPeriods() - first.cpuPeriods();
            if (periods <= 0) continue;
            double percent = 100.0 * (last.cpuThrottledPeriods() - first.cpuThrottledPeriods()) / periods;
            if (most == null || percent > most.throttledPercent()) {
                most = new NodeThrottling(e.getKey(), percent, Math.max(0, last.cpuThrottledNanos() - first.cpuThrottledNanos()));
            }
        }
        return most;
    }

    /** One node's CPU throttling over a window. */
    public record NodeThrottling(int node, double throttledPercent, long throttledNanos) {
    }

    public synchronized NodeStatsSample latest(int nodeIndex) {
        return latest.get(nodeIndex);
    }

    /** {rxBytesPerSec, txBytesPerSec} of a node; NaN before two samples arrived or for counters the driver lacks. */
    public synchronized double[] netRates(int nodeIndex) {
        return netRates.getOrDefault(nodeIndex, new double[]{Double.NaN, Double.NaN}).clone();
    }

    /** Forgets the nodes of the previous cluster. */
    public synchronized void reset() {
        latest.clear();
        netRates.clear();
    }
}
