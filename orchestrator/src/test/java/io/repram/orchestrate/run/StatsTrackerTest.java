package io.repram.orchestrate.run;

import io.repram.orchestrate.engine.NodeStatsSample;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StatsTrackerTest {

    private static NodeStatsSample sample(long t, int node, double cpu, long memoryBytes) {
        return new NodeStatsSample(t, node, "node-" + node, cpu, memoryBytes, 512L << 20, 0, 0, 0, 0);
    }

    @Test
    void theBusiestNodesPeakIsKeptApartFromTheClusterSum() {
        StatsTracker stats = new StatsTracker();
        stats.accept(sample(0, 0, 99, 400L << 20)); // before the window: not counted
        stats.openWindow();
        stats.accept(sample(1000, 0, 81, 100L << 20));
        stats.accept(sample(1000, 1, 60, 150L << 20));
        stats.accept(sample(2000, 0, 30, 120L << 20));
        stats.accept(sample(2000, 1, 70, 140L << 20));
        stats.closeWindow();
        stats.accept(sample(3000, 1, 95, 500L << 20)); // after it: not counted
        assertEquals(81.0, stats.nodePeakCpuPercent(), "the busiest node peaked at 81%");
        assertEquals(141.0, stats.peakCpuPercent(), 1e-9, "the cluster sum peaked at 81 + 60");
        assertEquals(150L << 20, stats.nodePeakMemoryBytes());
        assertEquals(270L << 20, stats.peakMemoryBytes(), "120 + 150 MiB");
    }
}
