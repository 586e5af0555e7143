package io.repram.orchestrate.run;

import io.repram.orchestrate.engine.NodeStatsSample;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Docker's cumulative throttling counters become a per-window share, for the most throttled node. */
class StatsTrackerThrottlingTest {

    private static NodeStatsSample sample(long ms, int node, long periods, long throttled, long nanos) {
        return new NodeStatsSample(ms, node, "node-" + node, 10, 1, 2, 0, 0, 0, 0, periods, throttled, nanos);
    }

    @Test
    void theWindowsDeltaOfTheMostThrottledNode() {
        StatsTracker t = new StatsTracker();
        t.accept(sample(1000, 0, 100, 90, 9_000_000_000L));
        t.accept(sample(1000, 1, 100, 0, 0));
        t.openWindow();
        t.accept(sample(2000, 0, 110, 91, 9_100_000_000L));
        t.accept(sample(2000, 1, 110, 2, 20_000_000L));
        t.accept(sample(3000, 0, 120, 92, 9_200_000_000L));
        t.accept(sample(3000, 1, 120, 9, 300_000_000L));
        t.closeWindow();
        // Node 0 was throttled before the window (90 of 100) but in only 2 of its 20 periods in it.
        StatsTracker.NodeThrottling most = t.mostThrottled();
        assertEquals(1, most.node());
        assertEquals(45.0, most.throttledPercent(), 1e-9);
        assertEquals(300_000_000L, most.throttledNanos());
    }

    @Test
    void withoutCountersOrPeriodsThereIsNoFigure() {
        StatsTracker t = new StatsTracker();
        t.openWindow();
        t.accept(new NodeStatsSample(1000, 0, "node-0", 10, 1, 2, 0, 0, 0, 0));
        t.accept(new NodeStatsSample(2000, 0, "node-0", 10, 1, 2, 0, 0, 0, 0));
        assertNull(t.mostThrottled(), "the process driver has no throttling counters");
        StatsTracker unlimited = new StatsTracker();
        unlimited.openWindow();
        unlimited.accept(sample(1000, 0, 0, 0, 0));
        unlimited.accept(sample(2000, 0, 0, 0, 0));
        assertNull(unlimited.mostThrottled(), "no CPU limit, no periods");
    }
}
