package io.repram.orchestrate.scenario;

import io.repram.orchestrate.result.CellResult;

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
            double measured = t.metric().measure(result);
            if (!t.passes(measured)) {
                breaches.add(new Breach(t.metric().key(), measured, t.expression()));
            }
        }
        return breaches;
    }
}
