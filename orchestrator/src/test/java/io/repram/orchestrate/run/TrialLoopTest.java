package io.repram.orchestrate.run;

import io.repram.orchestrate.results.TrialFigures;
import org.junit.jupiter.api.Test;

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
