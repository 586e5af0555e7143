package io.repram.orchestrate.analysis;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The change between trials, against counted orderings and known distributions. */
class RankShiftTest {

    private static double[] trials(Random random, int n, double median, double spread) {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) t[i] = median * Math.exp(spread * random.nextGaussian());
        return t;
    }

    /** Counted by hand: of the C(6,3) = 20 orderings of 3 and 3, U = 0 … 9 in 1,1,2,3,3,3,3,2,1,1 of them. */
    @Test
    void theRankCountsAreThoseOfEveryOrdering() {
        assertArrayEquals(new double[] {1, 1, 2, 3, 3, 3, 3, 2, 1, 1}, RankShift.nullCounts(3, 3));
        assertEquals(70, Arrays.stream(RankShift.nullCounts(4, 4)).sum());
        assertEquals(184_756, Arrays.stream(RankShift.nullCounts(10, 10)).sum());
        assertArrayEquals(new double[] {1, 1, 1, 1, 1, 1}, RankShift.nullCounts(1, 5), "1 against 5: each rank once");
    }

    /** 3 against 3 (2/20 = 10% two-sided at best) and 3 against 4 (2/35) cannot reach 95%; 4/4 and 3/5 can. */
    @Test
    void tooFewTrialsForA95PercentIntervalGiveNone() {
        assertFalse(RankShift.possible(3, 3));
        assertFalse(RankShift.possible(3, 4));
        assertTrue(RankShift.possible(4, 4));
        assertTrue(RankShift.possible(3, 5));
        assertTrue(RankShift.changePercent(new double[] {1, 2, 3}, new double[] {7, 8, 9}).isEmpty(),
                "a complete separation of 3 and 3 is no evidence at 95%");
        assertEquals(1, RankShift.lowerRank(4, 4), "with 4 and 4 the interval runs from the lowest ratio to the highest");
        assertEquals(3, RankShift.lowerRank(5, 5), "P(U <= 2) = 4/252 <= 2.5% < P(U <= 3) = 7/252");
    }

    /**
     * With no change, 4 trials a side alarm in 2 of 70 orderings (2.9%) and 6 a side in 2 × 23 of 924
     * (5.0%, the tail just inside 2.5%): measured over 4,000 simulated comparisons each.
     */
    @Test
    void withNoChangeAFalseAlarmIsAtMostFivePercent() {
        Random random = new Random(7);
        for (int n : new int[] {4, 6}) {
            int alarms = 0;
            int comparisons = 4000;
            for (int c = 0; c < comparisons; c++) {
                if (RankShift.changePercent(trials(random, n, 4000, 0.05), trials(random, n, 4000, 0.05))
                        .orElseThrow().excludes(0)) alarms++;
            }
            double rate = alarms / (double) comparisons;
            assertTrue(rate <= 0.055, n + " trials a side: false alarms " + rate);
            assertTrue(rate >= (n == 4 ? 0.018 : 0.035), n + " trials a side: " + rate + " is below what the counts give");
        }
    }

    /** A 25% drop in each trial's figure: the interval holds −25% in at least 95% of cells, and excludes 0. */
    @Test
    void aKnownDropIsCoveredAndSeen() {
        Random random = new Random(11);
        int covered = 0;
        int seen = 0;
        int cells = 1000;
        for (int c = 0; c < cells; c++) {
            Bootstrap.Interval drop = RankShift.changePercent(trials(random, 5, 4000, 0.025),
                    trials(random, 5, 3000, 0.025)).orElseThrow();
            if (!drop.excludes(-25)) covered++;
            if (drop.high() < 0) seen++;
        }
        assertTrue(covered >= 0.95 * cells, "coverage " + covered + " of " + cells);
        assertEquals(cells, seen, "a 25% drop against 2.5% noise is always seen");
    }

    @Test
    void equalOrEmptyTrialsGiveNoChangeOrNoIntervalNeverNaN() {
        Bootstrap.Interval none = RankShift.changePercent(new double[] {5, 5, 5, 5}, new double[] {5, 5, 5, 5}).orElseThrow();
        assertEquals(0, none.point());
        assertFalse(none.excludes(0), "ties are no evidence of a change");
        assertTrue(RankShift.changePercent(new double[] {0, 1, 2, 3}, new double[] {1, 2, 3, 4}).isEmpty(), "a ratio from 0");
        assertTrue(RankShift.changePercent(new double[] {1, 2, 3, Double.NaN}, new double[] {1, 2, 3, 4}).isEmpty());
        Bootstrap.Interval half = RankShift.changePercent(new double[] {2, 2, 2, 2}, new double[] {1, 1, 1, 1}).orElseThrow();
        assertEquals(-50, half.point(), 1e-9);
        assertEquals(-50, half.high(), 1e-9);
    }
}
