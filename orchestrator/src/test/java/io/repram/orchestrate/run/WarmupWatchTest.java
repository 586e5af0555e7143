package io.repram.orchestrate.run;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The warm-up stability test on synthetic series: a JVM warming up, then steady; and one that never settles. */
class WarmupWatchTest {

    /**
     * req/s rises from 1700 to 3500 over 30 s (as the issue measured a cold node), p99 falls from 130
     * to 60 ms, then both are flat with 3% and 8% noise. Stated: the watch sees the first flat window end
     * between the knee and the knee plus one window (10 s), and places its start within a window of the knee.
     */
    @Test
    void aTrendThenFlatSeriesIsFlatJustAfterTheKnee() {
        for (long seed = 1; seed <= 20; seed++) {
            Random random = new Random(seed);
            WarmupWatch watch = new WarmupWatch();
            int knee = 30;
            int flatAt = -1;
            for (int s = 1; s <= 90 && flatAt < 0; s++) {
                double f = Math.min(1, s / (double) knee);
                double rate = (1700 + 1800 * f) * (1 + 0.03 * random.nextGaussian());
                double p99 = (130 - 70 * f) * (1 + 0.08 * random.nextGaussian());
                if (watch.add(1000, rate, p99)) flatAt = s;
            }
            assertTrue(flatAt >= knee && flatAt <= knee + WarmupWatch.WINDOW_SECONDS, "seed " + seed + ": flat at " + flatAt);
            assertEquals(flatAt * 1000L, watch.flatAtMillis());
            assertTrue(Math.abs(watch.flatFromMillis() - knee * 1000L) <= WarmupWatch.WINDOW_SECONDS * 1000L,
                    "seed " + seed + ": flat from " + watch.flatFromMillis());
        }
    }

    @Test
    void anEverRisingSeriesIsNeverFlat() {
        Random random = new Random(4);
        WarmupWatch watch = new WarmupWatch();
        for (int s = 1; s <= 90; s++) {
            // +2% a second: 20% per window, twice the tolerance.
            assertFalse(watch.add(1000, 1000 * Math.pow(1.02, s) * (1 + 0.01 * random.nextGaussian()), 50));
        }
        assertFalse(watch.flatSeen());
        assertEquals(-1, watch.flatFromMillis());
        assertEquals(90_000, watch.elapsedMillis());
    }

    @Test
    void aFlatSeriesIsFlatAfterOneWindowAndFromTheStart() {
        WarmupWatch watch = new WarmupWatch();
        int flatAt = -1;
        for (int s = 1; s <= 30 && flatAt < 0; s++) if (watch.add(1000, 4000, 10)) flatAt = s;
        assertEquals(WarmupWatch.WINDOW_SECONDS, flatAt);
        assertEquals(0, watch.flatFromMillis());
    }

    @Test
    void flatFiguresDoNotEndTheWarmUpWhileTheNodesAreStillCompiling() {
        // The case seen for real: a cold cluster flat at a fifth of its warm rate while its JIT worked.
        WarmupWatch watch = new WarmupWatch();
        int flatAt = -1;
        for (int s = 1; s <= 40 && flatAt < 0; s++) if (watch.add(1000, 450, 100, s > 25)) flatAt = s;
        assertEquals(26, flatAt, "the first flat window once the JIT went quiet, not the first flat window");
        assertEquals(16_000, watch.flatFromMillis());
    }
}
