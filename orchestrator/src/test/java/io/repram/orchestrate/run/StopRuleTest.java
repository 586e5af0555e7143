package io.repram.orchestrate.run;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The adaptive stop rule on synthetic per-second series of known spread. */
class StopRuleTest {

    /** Seconds until the rule stops, or -1 when it ran to {@code maxSeconds}. */
    private static int stopSecond(StopRule rule, Random random, double rateSd, double p99Sd, int maxSeconds) {
        for (int s = 1; s <= maxSeconds; s++) {
            if (rule.add(1000, 4000 * (1 + rateSd * random.nextGaussian()), 12 * (1 + p99Sd * random.nextGaussian()), true)) {
                return s;
            }
        }
        return -1;
    }

    @Test
    void aSteadyCellStopsSoonAfterMinWithPrecisionReached() {
        StopRule rule = new StopRule(Duration.ofSeconds(10), 3);
        // 1% noise per second: the interval of a 10 s mean is about ±1%, within 3% at once.
        int stopped = stopSecond(rule, new Random(1), 0.01, 0.02, 60);
        assertEquals(10, stopped, "not before min, and at min already precise");
        assertTrue(rule.rateHalfWidthPercent() <= 3 && rule.p99HalfWidthPercent() <= 3);
    }

    @Test
    void aNoisyCellRunsToMax() {
        StopRule rule = new StopRule(Duration.ofSeconds(10), 3);
        // 40% noise per second: after 60 s the mean is still only known to about ±10%.
        assertEquals(-1, stopSecond(rule, new Random(2), 0.40, 0.40, 60));
        assertTrue(rule.rateHalfWidthPercent() > 3, "half-width " + rule.rateHalfWidthPercent());
        assertEquals(60_000, rule.measuredMillis());
    }

    @Test
    void aSteadyRateWithANoisyP99StillRuns() {
        StopRule rule = new StopRule(Duration.ofSeconds(10), 3);
        assertEquals(-1, stopSecond(rule, new Random(3), 0.01, 0.5, 40), "both must be precise");
    }

    @Test
    void stubsAndEmptySecondsAreNoEvidence() {
        StopRule rule = new StopRule(Duration.ofSeconds(5), 3);
        for (int s = 0; s < 20; s++) assertFalse(rule.add(400, 4000, 12, true), "stubs under half a second");
        for (int s = 0; s < 20; s++) assertFalse(rule.add(1000, 0, 0, false), "no requests: a mean of 0 has no precision");
    }
}
