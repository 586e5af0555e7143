package io.repram.orchestrate.load;

import io.repram.orchestrate.results.NodeFigures.Outage;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NodeAvailabilityTest {

    @Test
    void availabilityIsTheShareOfIntervalsWithASuccessAndOutagesAreTheRunsWithout() {
        NodeAvailability a = new NodeAvailability(2);
        // Node 0 answers throughout; node 1 is away in intervals 3..6 (of 10) and again in the last one.
        boolean[][] seq = {
                {true, true}, {true, true}, {true, true}, {true, false}, {true, false},
                {true, false}, {true, false}, {true, true}, {true, true}, {true, false}};
        for (boolean[] interval : seq) {
            a.interval(interval, 1.0);
        }
        // A stub interval at the end does not count, whatever it saw.
        a.interval(new boolean[]{false, false}, 0.2);

        assertEquals(10, a.intervals(0));
        assertEquals(10, a.answeredIntervals(0));
        assertEquals(100.0, a.availabilityPercent(0));
        assertEquals(List.of(), a.outages(0));
        assertEquals(5, a.answeredIntervals(1));
        assertEquals(50.0, a.availabilityPercent(1));
        assertEquals(List.of(new Outage(3.0, 4.0), new Outage(9.0, 1.0)), a.outages(1));
    }

    @Test
    void noCountedIntervalMeansNothingWasSeenMissing() {
        NodeAvailability a = new NodeAvailability(1);
        a.interval(new boolean[]{false}, 0.3);
        assertEquals(0, a.intervals(0));
        assertEquals(100.0, a.availabilityPercent(0));
    }
}
