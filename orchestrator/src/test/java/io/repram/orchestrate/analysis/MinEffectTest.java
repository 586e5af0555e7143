package io.repram.orchestrate.analysis;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The minimum effect over trials, against known distributions: five trials a side whose p99 medians
 * are known. Every one of these changes is certain (the sides do not overlap); only its size decides.
 */
class MinEffectTest {

    private static final int[] SECONDS = {30, 30};

    /** Five trials around {@code center} with a 5% spread. */
    private static double[] trials(Random random, double center) {
        double[] out = new double[5];
        for (int i = 0; i < out.length; i++) out[i] = center * (1 + 0.05 * random.nextGaussian());
        return out;
    }

    private static Significance.Verdict p99(double[] a, double[] b, MinEffect floor) {
        return Significance.ofTrials("p99", a, b, SECONDS, false, floor).verdict();
    }

    @Test
    void aDoubledSubMillisecondP99IsBelowTheFloorAndMillisecondsAreNot() {
        Random random = new Random(7);
        double[] idle = trials(random, 0.3);
        double[] wobble = trials(random, 0.6);
        double[] busy = trials(random, 2.4);
        assertEquals(Significance.Verdict.NO_SIGNIFICANT_CHANGE, p99(idle, wobble, MinEffect.DEFAULT));
        assertEquals(Significance.Verdict.REGRESSION, p99(idle, wobble, new MinEffect(5, 0)));
        assertEquals(Significance.Verdict.REGRESSION, p99(idle, busy, MinEffect.DEFAULT));
        assertEquals(Significance.Verdict.IMPROVEMENT, p99(busy, idle, MinEffect.DEFAULT));
        // Above the absolute floor the relative one still decides: 20 to 20.6 ms is a certain +3% and 0.6 ms.
        double[] twenty = {19.9, 20, 20, 20, 20.1};
        double[] more = {20.5, 20.6, 20.6, 20.6, 20.7};
        assertEquals(Significance.Verdict.NO_SIGNIFICANT_CHANGE, p99(twenty, more, new MinEffect(5, 0.5)));
        assertEquals(Significance.Verdict.REGRESSION, p99(twenty, more, new MinEffect(2, 0.5)));
        assertEquals(Significance.Verdict.NO_SIGNIFICANT_CHANGE, p99(twenty, more, new MinEffect(2, 1)));
    }

    /**
     * The floor weighs the change the report prints. Here the Hodges–Lehmann estimate is +25% (of A's
     * median 2.5 ms: 0.63 ms) with an interval above zero, while the medians are 1.6 ms apart: measured
     * by the medians it would pass a 1 ms floor on a figure the report never states.
     */
    @Test
    void theAbsoluteFloorIsOnTheChangeThePointEstimateStates() {
        double[] a = {2.4, 2.4, 2.5, 3.6, 3.9};
        double[] b = {2.9, 4.0, 4.1, 4.3, 4.5};
        Significance s = Significance.ofTrials("p99", a, b, SECONDS, false, MinEffect.DEFAULT);
        assertEquals(25.0, s.changePercent().point(), 0.05);
        assertTrue(s.changePercent().excludes(0), s.describe());
        assertEquals(Significance.Verdict.NO_SIGNIFICANT_CHANGE, s.verdict(), s.describe());
        assertEquals(Significance.Verdict.REGRESSION, p99(a, b, new MinEffect(5, 0.6)));
        assertEquals(Significance.Verdict.NO_SIGNIFICANT_CHANGE, p99(a, b, new MinEffect(5, 0.65)));
    }

    @Test
    void theMillisecondFloorDoesNotApplyToThroughput() {
        Random random = new Random(8);
        Significance drop = Significance.ofTrials("req/s", trials(random, 4000), trials(random, 3000), SECONDS, true,
                new MinEffect(5, 10_000));
        assertEquals(Significance.Verdict.REGRESSION, drop.verdict(), drop.describe());
    }

    @Test
    void aNegativeFloorIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new MinEffect(-1, 1));
        assertThrows(IllegalArgumentException.class, () -> new MinEffect(5, Double.NaN));
    }
}
