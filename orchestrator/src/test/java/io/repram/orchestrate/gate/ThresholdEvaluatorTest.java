package io.repram.orchestrate.gate;

import io.repram.orchestrate.results.Breach;
import io.repram.orchestrate.scenario.Cell;
import io.repram.orchestrate.scenario.Scenario;
import io.repram.orchestrate.scenario.ScenarioDefaults;
import io.repram.orchestrate.scenario.ScenarioException;
import io.repram.orchestrate.scenario.Threshold;
import io.repram.orchestrate.scenario.ThresholdMetric;
import io.repram.orchestrate.results.CellResult;
import io.repram.orchestrate.results.LatencySummary;
import io.repram.orchestrate.results.LoadFigures;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThresholdEvaluatorTest {

    /** 1000 requests in 10 s, 990 ok; p99 73.2 ms, mean 4 ms. */
    static CellResult result() {
        LatencySummary all = new LatencySummary(1000, 4_000_000, 100_000, 2_000_000, 5_000_000, 73_200_000,
                90_000_000, 120_000_000);
        LoadFigures load = new LoadFigures(1000, 990, 10, 700, 300, 10.0, all, all, all, Map.of("timeout", 10L));
        return new CellResult(new Cell(0, 3, 25, 1024), 0, 10_000, load, 150, 1L << 30, "ok", null);
    }

    static Scenario withThresholds(Map<String, String> thresholds) {
        return new Scenario("t", "img", ScenarioDefaults.matrix(), Duration.ofSeconds(10), Duration.ZERO,
                ScenarioDefaults.cooldown(), ScenarioDefaults.workload(), ScenarioDefaults.node(), thresholds, List.of());
    }

    @Test
    void reportsEachBreachWithMeasuredValueAndBound() {
        ThresholdEvaluator ev = ThresholdEvaluator.forScenario(withThresholds(Map.of(
                "success_rate", ">= 99.9", "p99_ms", "<= 50", "requests_per_sec", ">= 100", "error_count", "< 11")));
        List<Breach> breaches = ev.evaluate(result());
        assertEquals(2, breaches.size(), breaches.toString());
        Breach rate = breaches.stream().filter(b -> b.metric().equals("success_rate")).findFirst().orElseThrow();
        assertEquals(99.0, rate.measured(), 1e-9);
        assertEquals(">= 99.9", rate.expression());
        Breach p99 = breaches.stream().filter(b -> b.metric().equals("p99_ms")).findFirst().orElseThrow();
        assertEquals("p99_ms = 73.2, required <= 50", p99.describe());
    }

    @Test
    void everyMetricMeasuresTheRightFigure() {
        CellResult r = result();
        assertEquals(99.0, ThresholdEvaluator.measure(ThresholdMetric.SUCCESS_RATE, r), 1e-9);
        assertEquals(100.0, ThresholdEvaluator.measure(ThresholdMetric.REQUESTS_PER_SEC, r), 1e-9);
        assertEquals(2.0, ThresholdEvaluator.measure(ThresholdMetric.P50_MS, r), 1e-9);
        assertEquals(5.0, ThresholdEvaluator.measure(ThresholdMetric.P90_MS, r), 1e-9);
        assertEquals(73.2, ThresholdEvaluator.measure(ThresholdMetric.P99_MS, r), 1e-9);
        assertEquals(90.0, ThresholdEvaluator.measure(ThresholdMetric.P999_MS, r), 1e-9);
        assertEquals(120.0, ThresholdEvaluator.measure(ThresholdMetric.MAX_MS, r), 1e-9);
        assertEquals(4.0, ThresholdEvaluator.measure(ThresholdMetric.AVG_LATENCY_MS, r), 1e-9);
        assertEquals(10.0, ThresholdEvaluator.measure(ThresholdMetric.ERROR_COUNT, r), 1e-9);
    }

    @Test
    void operatorsAreStrictOrInclusiveAsWritten() {
        assertTrue(Threshold.parse("p99_ms", "<= 73.2").passes(73.2));
        assertTrue(!Threshold.parse("p99_ms", "< 73.2").passes(73.2));
        assertTrue(Threshold.parse("error_count", "> 0").passes(1));
        assertTrue(!Threshold.parse("error_count", ">0").passes(0));
        assertEquals("success_rate >= 99.9", Threshold.parse("success_rate", " >=99.9 ").toString());
    }

    @Test
    void aHandBuiltScenarioWithABadThresholdFailsInsteadOfSkippingTheGate() {
        assertThrows(ScenarioException.class,
                () -> ThresholdEvaluator.forScenario(withThresholds(Map.of("p99", "<= 50"))));
        assertTrue(ThresholdEvaluator.forScenario(withThresholds(Map.of())).evaluate(result()).isEmpty());
    }
}
