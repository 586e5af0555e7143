package io.repram.orchestrate.run;

import io.repram.orchestrate.results.IntervalFigures;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NodeLoadTallyTest {

    private static IntervalFigures interval(List<Long> ok, List<Long> failed) {
        return new IntervalFigures(0, 1, 0, 0, 0, 0, 0, false, Map.of(), ok, failed);
    }

    @Test
    void theLiveAvailabilityIsTheShareOfIntervalsWithASuccess() {
        NodeLoadTally tally = new NodeLoadTally(2, 2);
        assertTrue(Double.isNaN(tally.availabilityPercent(0)), "unknown before the first interval");
        assertEquals(-1, tally.failures(0));
        tally.add(interval(List.of(5L, 3L), List.of(0L, 0L)));
        tally.add(interval(List.of(4L, 0L), List.of(0L, 7L)));
        tally.add(interval(List.of(6L, 0L), List.of(1L, 9L)));
        tally.add(interval(List.of(5L, 2L), List.of(0L, 0L)));
        assertEquals(100.0, tally.availabilityPercent(0));
        assertEquals(50.0, tally.availabilityPercent(1));
        assertEquals(1, tally.failures(0));
        assertEquals(16, tally.failures(1));
        // Agents' intervals carry no per-node figures: they leave the tally alone.
        tally.add(new IntervalFigures(0, 1, 0, 0, 0, 0, 0, false, Map.of()));
        assertEquals(50.0, tally.availabilityPercent(1));
        assertTrue(Double.isNaN(tally.availabilityPercent(2)), "a node the load does not target");
    }

    @Test
    void aNodeWithNoWorkerHasNoLiveFiguresRatherThanZeroAvailability() {
        // 2 workers on 3 nodes: node 2 is sent nothing, so it never has a success.
        NodeLoadTally tally = new NodeLoadTally(3, 2);
        for (int i = 0; i < 4; i++) tally.add(interval(List.of(5L, 4L, 0L), List.of(0L, 0L, 0L)));
        assertEquals(100.0, tally.availabilityPercent(0));
        assertEquals(100.0, tally.availabilityPercent(1));
        assertTrue(Double.isNaN(tally.availabilityPercent(2)), "not sent, not 0% available");
        assertEquals(-1, tally.failures(2));
    }
}
