package io.repram.orchestrate.analysis;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The interval of the median over independent trials, against known distributions. */
class MedianIntervalTest {

    /** Share of 4,000 cells of {@code trials} draws whose interval holds the true median (4,000). */
    private static double coverage(int trials, long seed, boolean skewed) {
        Random random = new Random(seed);
        int covered = 0;
        int cells = 4000;
        for (int c = 0; c < cells; c++) {
            double[] runs = new double[trials];
            for (int i = 0; i < runs.length; i++) {
                // Skewed: exponential with median 4,000 (a cluster start that sometimes runs slow).
                runs[i] = skewed ? -4000 / Math.log(2) * Math.log(1 - random.nextDouble()) : 4000 + 150 * random.nextGaussian();
            }
            if (!MedianInterval.of(runs).orElseThrow().interval().excludes(4000)) covered++;
        }
        return covered / (double) cells;
    }

    /**
     * The stated level is what happens: 75% with 3 trials, 87.5% with 4, 93.75% with 5, and at least
     * 95% from 6 on, for a normal and a skewed distribution alike.
     */
    @Test
    void theStatedLevelIsTheCoverageWhateverTheDistribution() {
        long seed = 1;
        for (int n = 3; n <= 12; n++) {
            double stated = MedianInterval.of(new double[n]).orElseThrow().levelPercent() / 100;
            for (boolean skewed : new boolean[] {false, true}) {
                double seen = coverage(n, seed++, skewed);
                assertEquals(stated, seen, 0.02, n + " trials" + (skewed ? ", skewed" : "") + ": stated " + stated);
            }
            if (n >= 6) assertTrue(stated >= 0.95, n + " trials: " + stated);
        }
        assertEquals(75.0, MedianInterval.of(new double[] {1, 2, 3}).orElseThrow().levelPercent(), 1e-9);
        assertEquals(93.75, MedianInterval.of(new double[] {1, 2, 3, 4, 5}).orElseThrow().levelPercent(), 1e-9);
    }

    /** With 9 trials the interval is the 2nd lowest to the 2nd highest: 1 − 2 × 10/512 = 96.1%. */
    @Test
    void nineTrialsDropTheOutermostOnEachSide() {
        MedianInterval.Result r = MedianInterval.of(new double[] {9, 1, 8, 2, 7, 3, 6, 4, 5}).orElseThrow();
        assertEquals(2, r.interval().low());
        assertEquals(8, r.interval().high());
        assertEquals(5, r.interval().point());
        assertEquals(96.09, r.levelPercent(), 0.01);
    }

    @Test
    void degenerateTrialsGiveNoIntervalOrAZeroWidthOneNeverNaN() {
        assertTrue(MedianInterval.of(new double[0]).isEmpty());
        assertTrue(MedianInterval.of(new double[] {4000}).isEmpty(), "one trial has no spread");
        Bootstrap.Interval equal = MedianInterval.of(new double[] {4000, 4000, 4000}).orElseThrow().interval();
        assertEquals(4000, equal.low());
        assertEquals(4000, equal.high());
        assertEquals(0, Bootstrap.median(new double[0]));
    }
}
