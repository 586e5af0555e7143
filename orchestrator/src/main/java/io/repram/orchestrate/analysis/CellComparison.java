package io.repram.orchestrate.analysis;

import io.repram.orchestrate.results.CellResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One cell measured in both runs, with the change of each headline metric from run A to run B. */
public record CellComparison(CellKey key, CellResult a, CellResult b, MetricDelta requestsPerSec, MetricDelta p99Ms,
                             MetricDelta successRate) {

    static CellComparison of(CellKey key, CellResult a, CellResult b, double noisePercent) {
        return new CellComparison(key, a, b,
                MetricDelta.of(a.load().requestsPerSec(), b.load().requestsPerSec(), true, noisePercent),
                MetricDelta.of(a.load().all().p99Nanos() / 1e6, b.load().all().p99Nanos() / 1e6, false, noisePercent),
                MetricDelta.of(a.load().successRate(), b.load().successRate(), true, noisePercent));
    }

    public boolean regression() {
        return requestsPerSec.regression() || p99Ms.regression() || successRate.regression();
    }

    /** "REGRESSION (req/s -20.0%)", "improved (p99 -30.0%)" or "within noise". */
    public String verdict() {
        List<String> worse = new ArrayList<>();
        List<String> better = new ArrayList<>();
        note("req/s", requestsPerSec, worse, better);
        note("p99", p99Ms, worse, better);
        note("success", successRate, worse, better);
        if (!worse.isEmpty()) {
            return "REGRESSION (" + String.join(", ", worse) + ")";
        }
        return better.isEmpty() ? "within noise" : "improved (" + String.join(", ", better) + ")";
    }

    private static void note(String name, MetricDelta d, List<String> worse, List<String> better) {
        String text = String.format(Locale.ROOT, "%s %+.1f%%", name, d.changePercent());
        if (d.regression()) {
            worse.add(text);
        } else if (d.improvement()) {
            better.add(text);
        }
    }
}
