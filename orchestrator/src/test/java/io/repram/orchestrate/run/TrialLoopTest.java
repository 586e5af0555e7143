package io.repram.orchestrate.run;

import io.repram.orchestrate.results.LatencySummary;
import io.repram.orchestrate.results.LoadFigures;
import io.repram.orchestrate.results.TrialFigures;
import io.repram.orchestrate.scenario.Measurement;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A cell's estimates from its trials, or from one trial's seconds; degenerate input gives no NaN. */
class TrialLoopTest {

    @Test
    void overTrialsThePointIsTheMedianInsideItsInterval() {
        TrialFigures.Estimate e = TrialLoop.overTrials(new double[] {3900, 4100, 4000});
        assertEquals(4000, e.point());
        assertTrue(e.ciLow() <= 4000 && e.ciHigh() >= 4000, e.toString());
        assertEquals(TrialFigures.Estimate.TRIALS, e.basis());
        assertFalse(e.tooWide(), "±2.5% is within ±10%");
        assertEquals(3900, e.ciLow());
        assertEquals(4100, e.ciHigh());
        assertEquals(75.0, e.levelPercent(), 1e-9, "3 trials hold their median between them 75% of the time");
        assertTrue(e.belowNinetyFive());
    }

    @Test
    void oneTrialsIntervalComesFromItsSecondsScaledToTheCellsFigure() {
        Random random = new Random(9);
        double[] seconds = new double[40];
        for (int i = 0; i < seconds.length; i++) seconds[i] = 10 * (1 + 0.05 * random.nextGaussian());
        TrialFigures.Estimate e = TrialLoop.overIntervals(12_000, seconds);
        assertEquals(12_000, e.point());
        assertTrue(e.ciLow() < 12_000 && e.ciHigh() > 12_000, e.toString());
        assertTrue(e.halfWidthPercent() < 5, "40 s of 5% noise: the mean within a few percent; " + e);
        assertEquals(TrialFigures.Estimate.INTERVALS, e.basis());
    }

    @Test
    void aGentleStartCountsInTheWarmupAndShiftsWhenTheFiguresSettled() {
        LatencySummary l = new LatencySummary(1000, 2e6, 1_000_000, 2_000_000, 3_000_000, 9_000_000, 12_000_000,
                20_000_000);
        LoadFigures load = new LoadFigures(1000, 1000, 0, 700, 300, 10.0, l, l, l, Map.of());
        // Fixed 30 s warm-up: 15 s gentle, then the cell's load, whose figures were flat from 20 s into it.
        WarmupWatch watch = new WarmupWatch();
        for (int s = 0; s < 30; s++) watch.add(1000, 1000, 9.0);
        TrialFigures.Trial fixed = TrialLoop.trial(1, 0, load, "ok", false, Measurement.FIXED, Duration.ofSeconds(15),
                null, watch, 15_000);
        assertEquals(30_000, fixed.warmupMillis(), "the gentle 15 s and the remaining 15 s");
        assertEquals(Long.valueOf(watch.flatFromMillis() + 15_000), fixed.warmupFlatFromMillis(), "counted from the gentle start");
        // Until stable: the cell's own warm-up took 40 s and was flat from 25 s, after 45 s gentle.
        WarmupPhase.Outcome warmed = new WarmupPhase.Outcome(40_000, false, 25_000, "JIT quiet").after(45_000);
        TrialFigures.Trial stable = TrialLoop.trial(1, 0, load, "ok", false, Measurement.FIXED, Duration.ZERO,
                warmed, new WarmupWatch(), 45_000);
        assertEquals(85_000, stable.warmupMillis());
        assertEquals(Long.valueOf(70_000), stable.warmupFlatFromMillis());
        assertNull(stable.coldReason());
        assertEquals(-1, new WarmupPhase.Outcome(90_000, true, -1, "x").after(45_000).flatFromMillis(), "never flat stays so");
    }

    @Test
    void degenerateInputGivesNoIntervalAndNoNaN() {
        TrialFigures.Estimate none = TrialLoop.overIntervals(100, new double[0]);
        assertNull(none.ciLow());
        assertNull(none.halfWidthPercent());
        assertTrue(none.tooWide(), "no interval is never precise");
        TrialFigures.Estimate equal = TrialLoop.overTrials(new double[] {5, 5, 5});
        assertEquals(0, equal.halfWidthPercent());
        TrialFigures.Estimate zeros = TrialLoop.overIntervals(0, new double[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        assertNull(zeros.ciLow(), "a mean of 0 has no relative interval");
    }
}
