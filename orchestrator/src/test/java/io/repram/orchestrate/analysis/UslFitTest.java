package io.repram.orchestrate.analysis;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UslFitTest {

    private static List<UslFit.Point> synthetic(double lambda, double sigma, double kappa, double noise, long seed,
                                                int... sizes) {
        UslFit.Model truth = new UslFit.Model(lambda, sigma, kappa, 1, sizes.length);
        Random random = new Random(seed);
        List<UslFit.Point> out = new ArrayList<>();
        for (int n : sizes) {
            out.add(new UslFit.Point(n, truth.throughput(n) * (1 + noise * random.nextGaussian())));
        }
        return out;
    }

    @Test
    void recoversKnownParametersFromExactPoints() {
        UslFit.Model m = UslFit.fit(synthetic(1000, 0.05, 0.002, 0, 1, 1, 2, 3, 4, 6, 8, 12, 16)).orElseThrow();
        assertEquals(1000, m.lambda(), 1, m.toString());
        assertEquals(0.05, m.sigma(), 0.001, m.toString());
        assertEquals(0.002, m.kappa(), 0.0001, m.toString());
        assertEquals(1, m.rSquared(), 1e-9);
        // √((1 − 0.05) / 0.002) = 21.8
        assertEquals(21.79, m.peakNodes().orElseThrow(), 0.05);
    }

    /**
     * Tolerance stated: with 1% noise over sizes 1 to 16, λ within 3%, σ within 0.02 and κ within 0.001 of
     * the truth, and the fitted curve within 3% of the true one at every size measured, over 20 seeds.
     */
    @Test
    void recoversKnownParametersThroughNoise() {
        UslFit.Model truth = new UslFit.Model(5000, 0.1, 0.004, 1, 8);
        for (long seed = 1; seed <= 20; seed++) {
            UslFit.Model m = UslFit.fit(synthetic(5000, 0.1, 0.004, 0.01, seed, 1, 2, 3, 4, 6, 8, 12, 16)).orElseThrow();
            assertEquals(5000, m.lambda(), 150, "seed " + seed + ": " + m);
            assertEquals(0.1, m.sigma(), 0.02, "seed " + seed + ": " + m);
            assertEquals(0.004, m.kappa(), 0.001, "seed " + seed + ": " + m);
            assertTrue(m.rSquared() > 0.95, m.toString());
            for (int n = 1; n <= 16; n++) {
                assertEquals(truth.throughput(n), m.throughput(n), truth.throughput(n) * 0.03, "seed " + seed + ", " + n + " nodes");
            }
        }
    }

    /**
     * Fewer and smaller sizes with more noise: σ and κ trade off against each other (both bend the same
     * curve), so only the curve is pinned: within 5% of the true one at 2% noise over sizes 1 to 10.
     */
    @Test
    void predictsTheCurveWhereTheParametersAreNotSeparable() {
        UslFit.Model truth = new UslFit.Model(5000, 0.1, 0.004, 1, 8);
        for (long seed = 1; seed <= 20; seed++) {
            UslFit.Model m = UslFit.fit(synthetic(5000, 0.1, 0.004, 0.02, seed, 1, 2, 3, 4, 5, 6, 8, 10)).orElseThrow();
            for (int n = 1; n <= 10; n++) {
                assertEquals(truth.throughput(n), m.throughput(n), truth.throughput(n) * 0.05, "seed " + seed + ", " + n + " nodes");
            }
        }
    }

    @Test
    void fitsWithoutAOneNodePoint() {
        UslFit.Model m = UslFit.fit(synthetic(2000, 0.2, 0.01, 0, 3, 2, 3, 5, 7)).orElseThrow();
        assertEquals(2000, m.lambda(), 2, m.toString());
        assertEquals(0.2, m.sigma(), 0.002, m.toString());
        assertEquals(0.01, m.kappa(), 0.0002, m.toString());
    }

    @Test
    void nodesForATargetStopAtThePeak() {
        UslFit.Model m = new UslFit.Model(1000, 0.05, 0.002, 1, 8);
        int n = m.nodesFor(5000).orElseThrow();
        assertTrue(m.throughput(n) >= 5000 && m.throughput(n - 1) < 5000, n + " nodes");
        assertTrue(m.nodesFor(m.maxThroughput() * 1.01).isEmpty(), "above the peak no size reaches it");
        assertEquals(1, m.nodesFor(900).orElseThrow());
        UslFit.Model linear = new UslFit.Model(1000, 0, 0, 1, 3);
        assertEquals(7, linear.nodesFor(6500).orElseThrow());
        assertEquals(Double.POSITIVE_INFINITY, linear.maxThroughput());
    }

    @Test
    void degenerateCurvesGiveFiniteModelsOrNone() {
        assertTrue(UslFit.fit(List.of()).isEmpty());
        assertTrue(UslFit.fit(List.of(new UslFit.Point(3, 4000))).isEmpty(), "one size");
        assertTrue(UslFit.fit(List.of(new UslFit.Point(1, 4000), new UslFit.Point(3, 5000))).isEmpty(), "two sizes");
        assertTrue(UslFit.fit(List.of(new UslFit.Point(1, 0), new UslFit.Point(2, 0), new UslFit.Point(3, 0))).isEmpty(),
                "nothing measured");

        UslFit.Model flat = UslFit.fit(List.of(new UslFit.Point(1, 4000), new UslFit.Point(2, 4000),
                new UslFit.Point(3, 4000))).orElseThrow();
        assertEquals(1, flat.sigma(), 1e-6, "a flat curve is all contention: " + flat);
        assertEquals(4000, flat.maxThroughput(), 1, flat.toString());
        finite(flat);

        UslFit.Model declining = UslFit.fit(List.of(new UslFit.Point(1, 6000), new UslFit.Point(3, 4500),
                new UslFit.Point(5, 3000))).orElseThrow();
        assertTrue(declining.kappa() > 0, declining.toString());
        assertTrue(declining.peakNodes().orElseThrow() < 2, declining.toString());
        finite(declining);
    }

    private static void finite(UslFit.Model m) {
        for (double v : new double[] {m.lambda(), m.sigma(), m.kappa(), m.rSquared(), m.maxThroughput()}) {
            assertTrue(Double.isFinite(v), m.toString());
        }
    }
}
