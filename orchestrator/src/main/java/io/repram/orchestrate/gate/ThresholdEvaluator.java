package io.repram.orchestrate.gate;

import io.repram.orchestrate.results.Breach;
import io.repram.orchestrate.results.CellResult;
import io.repram.orchestrate.scenario.Scenario;
import io.repram.orchestrate.scenario.ScenarioException;
import io.repram.orchestrate.scenario.Threshold;
import io.repram.orchestrate.scenario.ThresholdMetric;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Checks each finished cell against the scenario's thresholds (the CI gates). */
public final class ThresholdEvaluator {

    private final List<Threshold> thresholds;

    public ThresholdEvaluator(List<Threshold> thresholds) {
        this.thresholds = List.copyOf(thresholds);
    }

    /**
     * Parses the scenario's thresholds. The loader has already validated them; a hand-built
     * scenario with a bad one fails here rather than running without its gate.
     *
     * @throws ScenarioException for an unknown metric or a malformed expression
     */
    public static ThresholdEvaluator forScenario(Scenario scenario) {
        List<Threshold> parsed = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> e : scenario.thresholds().entrySet()) {
            try {
                parsed.add(Threshold.parse(e.getKey(), e.getValue()));
            } catch (IllegalArgumentException bad) {
                problems.add(bad.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        // Scenario keeps thresholds in an unordered map; a fixed order keeps reports stable.
        parsed.sort(java.util.Comparator.comparing(Threshold::metric));
        return new ThresholdEvaluator(parsed);
    }

    public List<Threshold> thresholds() {
        return thresholds;
    }

    public boolean isEmpty() {
        return thresholds.isEmpty();
    }

    /** The thresholds this cell missed; empty when it met all of them. */
    public List<Breach> evaluate(CellResult result) {
        List<Breach> breaches = new ArrayList<>();
        for (Threshold t : thresholds) {
            double measured = measure(t.metric(), result);
            if (!t.passes(measured)) {
                breaches.add(new Breach(t.metric().key(), measured, t.expression()));
            }
        }
        return breaches;
    }

    /** The figure a metric names, as measured in this cell. */
    public static double measure(ThresholdMetric metric, CellResult r) {
        return switch (metric) {
            case SUCCESS_RATE -> r.load().successRate();
            case REQUESTS_PER_SEC -> r.load().requestsPerSec();
            case P50_MS -> r.load().all().p50Nanos() / 1e6;
            case P90_MS -> r.load().all().p90Nanos() / 1e6;
            case P99_MS -> r.load().all().p99Nanos() / 1e6;
            case P999_MS -> r.load().all().p999Nanos() / 1e6;
            case MAX_MS -> r.load().all().maxNanos() / 1e6;
            case AVG_LATENCY_MS -> r.load().all().meanNanos() / 1e6;
            case ERROR_COUNT -> r.load().failures();
            // Unmeasured (no audit, or one node: nothing to converge) counts as 0: nothing was seen to go wrong.
            case LOST_WRITES -> r.audit() == null ? 0 : r.audit().lostWrites();
            case CORRUPT_READS -> r.audit() == null ? 0 : r.audit().corruptReads();
            case CONVERGENCE_P99_MS -> r.convergence() == null ? 0 : r.convergence().p99Millis();
            // Without per-node figures (agents, older results) no node was seen to be away.
            case NODE_AVAILABILITY -> r.load().worstNode().map(n -> n.availabilityPercent()).orElse(100.0);
        };
    }
}
