package io.repram.orchestrate.run;

import io.repram.orchestrate.engine.NodeStatsSample;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void networkRatesComeFromTheCountersAndAreUnknownWithoutThem() {
        StatsTracker stats = new StatsTracker();
        long u = NodeStatsSample.UNKNOWN;
        stats.accept(new NodeStatsSample(0, 0, "node-0", 10, 1, 1, 1_000, 5_000, 0, 0));
        stats.accept(new NodeStatsSample(0, 1, "node-1", 10, 1, 1, u, u, 0, 0));
        assertTrue(Double.isNaN(stats.netRates(0)[0]), "one sample gives no rate yet, not 0 B/s");
        stats.accept(new NodeStatsSample(2_000, 0, "node-0", 10, 1, 1, 9_000, 6_000, 0, 0));
        stats.accept(new NodeStatsSample(2_000, 1, "node-1", 10, 1, 1, u, u, 0, 0));
        assertEquals(4_000, stats.netRates(0)[0], 1e-9, "8,000 bytes in 2 s");
        assertEquals(500, stats.netRates(0)[1], 1e-9);
        // The process driver's nodes share the host's network: no counters of their own.
        assertTrue(Double.isNaN(stats.netRates(1)[0]));
        assertTrue(Double.isNaN(stats.netRates(1)[1]));
    }
}
