package io.repram.orchestrate.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OpenLoopScheduleTest {

    private static final long START = 1_000_000_000L;

    @Test
    void intendedStartsFollowTheRateWhateverHappens() {
        OpenLoopSchedule schedule = new OpenLoopSchedule(START, 250); // one every 4 ms
        assertEquals(START, schedule.intendedStart(0));
        assertEquals(START + 4_000_000L, schedule.intendedStart(1));
        assertEquals(START + 4_000_000_000L, schedule.intendedStart(1000));
        assertEquals(START, schedule.take());
        assertEquals(START + 4_000_000L, schedule.take());
        assertEquals(2, schedule.taken());
    }

    @Test
    void requestsDueWhileNothingTakesThemQueueUp() {
        OpenLoopSchedule schedule = new OpenLoopSchedule(START, 100); // one every 10 ms
        assertEquals(0, schedule.backlog(START - 1));
        assertFalse(schedule.due(START - 1));
        assertTrue(schedule.due(START));
        // A 95 ms stall: requests 0..9 are due and none was taken.
        long afterStall = START + 95_000_000L;
        assertEquals(10, schedule.backlog(afterStall));
        // Taking them hands out the original intended starts, so their latency includes the wait.
        for (int i = 0; i < 10; i++) {
            assertTrue(schedule.due(afterStall));
            assertEquals(START + i * 10_000_000L, schedule.take());
        }
        assertFalse(schedule.due(afterStall));
        assertEquals(0, schedule.backlog(afterStall));
        assertEquals(5_000_000L, schedule.nanosUntilNext(afterStall));
    }

    @Test
    void fractionalIntervalsDoNotDrift() {
        OpenLoopSchedule schedule = new OpenLoopSchedule(0, 3); // 333,333,333.3 ns apart
        assertEquals(1_000_000_000L, schedule.intendedStart(3));
        assertEquals(100_000_000_000L, schedule.intendedStart(300));
    }

    @Test
    void rejectsNonPositiveRates() {
        assertThrows(IllegalArgumentException.class, () -> new OpenLoopSchedule(0, 0));
    }
}
