package io.repram.orchestrate.run;

import io.repram.orchestrate.gate.ThresholdEvaluator;
import io.repram.orchestrate.results.Breach;
import io.repram.orchestrate.results.CellResult;
import io.repram.orchestrate.results.LoadFigures;
import io.repram.orchestrate.scenario.Scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The final table a run prints: one row per cell, with its threshold verdict. */
final class SummaryTable {
    private static final String ROW = "%-28s %12s %9s %10s %10s %8s  %s";

    private SummaryTable() {
    }

    static List<String> lines(List<CellResult> results, Scenario scenario) {
        if (results.isEmpty()) return List.of("No cell finished.");
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add(String.format(Locale.ROOT, ROW, "cell", "req/s", "success", "p50 ms", "p99 ms", "errors", "verdict"));
        ThresholdEvaluator thresholds = ThresholdEvaluator.forScenario(scenario);
        for (CellResult r : results) {
            LoadFigures f = r.load();
            List<Breach> breaches = thresholds.evaluate(r);
            String verdict = !breaches.isEmpty()
                    ? "BREACH " + String.join("; ", breaches.stream().map(Breach::describe).toList())
                    : "ok".equals(r.status()) ? "ok" : r.status() + ": " + r.statusReason();
            lines.add(String.format(Locale.ROOT, ROW, r.cell().id(), String.format(Locale.ROOT, "%,.1f", f.requestsPerSec()),
                    String.format(Locale.ROOT, "%.2f%%", f.successRate()),
                    String.format(Locale.ROOT, "%.2f", f.all().p50Nanos() / 1e6),
                    String.format(Locale.ROOT, "%.2f", f.all().p99Nanos() / 1e6), f.failures(), verdict));
        }
        for (CellResult r : results) {
            for (var a : r.saturatedAgents()) {
                lines.add("Warning (" + r.cell().id() + "): " + a.warning());
            }
        }
        lines.add("");
        return lines;
    }
}
