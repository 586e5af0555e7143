package io.repram.orchestrate.run;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whether the nodes' compilers have gone quiet, from compile-time readings of known slopes. */
class JitWatchTest {

    /** Readings once a second for {@code seconds}: node i compiles {@code perSecond[i]} seconds each second. */
    private static void feed(JitWatch w, int seconds, double... perSecond) {
        for (int t = 0; t <= seconds; t++) {
            for (int i = 0; i < perSecond.length; i++) w.add(i, 1_000L * t, perSecond[i] * t);
        }
    }

    @Test
    void nodesCompilingWellBelowTheBoundAreQuiet() {
        JitWatch w = new JitWatch(3);
        feed(w, 12, 0.01, 0.0, 0.04);
        assertTrue(w.quietOver(10_000));
        assertEquals("node 2 compiled for 4% of the last 10 s", w.busiest(10_000));
    }

    @Test
    void theStateSaysWhatWasFoundAndWhenTheReadingsAreTooShortToJudge() {
        assertEquals("JIT unknown", new JitWatch(2).state(10_000));
        JitWatch young = new JitWatch(1);
        feed(young, 5, 1.0);
        // A 20 s warm-up after a 10 s gentle start printed "JIT still compiling: null" here.
        assertEquals("JIT not judged: its readings span less than 10 s", young.state(10_000));
        JitWatch busy = new JitWatch(1);
        feed(busy, 12, 1.0);
        assertEquals("JIT still compiling: node 0 compiled for 100% of the last 10 s", busy.state(10_000));
        JitWatch quiet = new JitWatch(1);
        feed(quiet, 12, 0.0);
        assertEquals("JIT quiet", quiet.state(10_000));
    }

    @Test
    void oneBusyNodeKeepsTheClusterCold() {
        // The figure seen on a 2-core machine: the busiest node compiling about a second each second.
        JitWatch w = new JitWatch(3);
        feed(w, 12, 0.01, 1.0, 0.01);
        assertFalse(w.quietOver(10_000));
        assertEquals("node 1 compiled for 100% of the last 10 s", w.busiest(10_000));
    }

    @Test
    void justOverTheBoundIsBusy() {
        JitWatch w = new JitWatch(1);
        feed(w, 10, (JitWatch.BUSY_PERCENT + 0.5) / 100);
        assertFalse(w.quietOver(10_000));
        JitWatch under = new JitWatch(1);
        feed(under, 10, (JitWatch.BUSY_PERCENT - 0.5) / 100);
        assertTrue(under.quietOver(10_000));
    }

    @Test
    void readingsYoungerThanTheWindowAreNotYetQuiet() {
        JitWatch w = new JitWatch(2);
        feed(w, 5, 0.0, 0.0);
        assertFalse(w.quietOver(10_000), "5 s of readings cannot show a quiet 10 s");
        assertNull(w.busiest(10_000));
    }

    @Test
    void aBurstOlderThanTheWindowNoLongerCounts() {
        JitWatch w = new JitWatch(1);
        for (int t = 0; t <= 30; t++) w.add(0, 1_000L * t, t <= 15 ? 1.0 * t : 15.0);
        assertTrue(w.quietOver(10_000), "compiling stopped at 15 s; 15..30 s is quiet");
        assertFalse(w.quietOver(20_000), "a 20 s window still holds the burst");
    }

    @Test
    void withoutTheMetricNothingIsWaitedFor() {
        JitWatch none = new JitWatch(3);
        assertFalse(none.measured());
        assertTrue(none.quietOver(10_000));
        // A node without readings (another image, or down) is not waited for when others have them.
        JitWatch some = new JitWatch(2);
        feed(some, 12, 0.0);
        assertTrue(some.measured());
        assertTrue(some.quietOver(10_000));
    }
}
