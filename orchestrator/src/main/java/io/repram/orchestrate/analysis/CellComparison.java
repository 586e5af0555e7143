package io.repram.orchestrate.analysis;

import io.repram.orchestrate.results.CellResult;
import io.repram.orchestrate.results.IntervalRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One cell measured in both runs, with the change of each headline metric from run A to run B: the
 * bare deltas against the noise band, and for req/s and p99 a significance test over the cells'
 * per-second intervals.
 */
public record CellComparison(CellKey key, CellResult a, CellResult b, MetricDelta requestsPerSec, MetricDelta p99Ms,
                             MetricDelta successRate, Significance rateChange, Significance p99Change) {

    static CellComparison of(CellKey key, CellResult a, CellResult b, double noisePercent) {
        return of(key, a, b, List.of(), List.of(), noisePercent, MinEffect.DEFAULT);
    }

    static CellComparison of(CellKey key, CellResult a, CellResult b, List<IntervalRecord> intervalsA,
                             List<IntervalRecord> intervalsB, double noisePercent, MinEffect minEffect) {
        return new CellComparison(key, a, b,
                MetricDelta.of(a.load().requestsPerSec(), b.load().requestsPerSec(), true, noisePercent),
                MetricDelta.of(a.load().all().p99Nanos() / 1e6, b.load().all().p99Nanos() / 1e6, false, noisePercent),
                MetricDelta.of(a.load().successRate(), b.load().successRate(), true, noisePercent),
                overTrials(a, b) ? Significance.ofTrials("req/s", trialValues(a, true), trialValues(b, true),
                        seconds(a, b), true, minEffect)
                        : Significance.of("req/s", Significance.ratePerSecond(intervalsA),
                        Significance.ratePerSecond(intervalsB), true, minEffect),
                overTrials(a, b) ? Significance.ofTrials("p99", trialValues(a, false), trialValues(b, false),
                        seconds(a, b), false, minEffect)
                        : Significance.of("p99", Significance.p99PerSecondMs(intervalsA),
                        Significance.p99PerSecondMs(intervalsB), false, minEffect));
    }

    /** Both cells were measured in enough trials to test over trials rather than one trial's seconds. */
    private static boolean overTrials(CellResult a, CellResult b) {
        return trials(a) >= Significance.MIN_TRIALS && trials(b) >= Significance.MIN_TRIALS;
    }

    private static int trials(CellResult r) {
        return r.trials() == null ? 1 : r.trials().trials().size();
    }

    /** Each trial's req/s, or its p99 in ms. */
    private static double[] trialValues(CellResult r, boolean rate) {
        return r.trials().trials().stream().mapToDouble(t -> rate ? t.requestsPerSec() : t.p99LatencyUs() / 1000.0)
                .toArray();
    }

    private static int[] seconds(CellResult a, CellResult b) {
        return new int[] {(int) (a.trials().measuredMillis() / 1000), (int) (b.trials().measuredMillis() / 1000)};
    }

    /** Both sides had enough per-second data for the significance test. */
    public boolean tested() {
        return rateChange.verdict() != Significance.Verdict.TOO_LITTLE_DATA
                && p99Change.verdict() != Significance.Verdict.TOO_LITTLE_DATA;
    }

    /**
     * With per-second data, only a significant change of req/s or p99 (or a success-rate drop beyond the
     * noise band: failures are counts, not noise) is a regression. Without it, the noise band decides, as
     * it did before intervals were recorded.
     */
    public boolean regression() {
        if (tested()) {
            return rateChange.verdict() == Significance.Verdict.REGRESSION
                    || p99Change.verdict() == Significance.Verdict.REGRESSION || successRate.regression();
        }
        return requestsPerSec.regression() || p99Ms.regression() || successRate.regression();
    }

    /** "REGRESSION (req/s -20.0% [-23.1, -17.0])", "no significant change", or for untested cells the noise-band verdict. */
    public String verdict() {
        if (tested()) {
            List<String> worse = new ArrayList<>();
            List<String> better = new ArrayList<>();
            for (Significance s : List.of(rateChange, p99Change)) {
                if (s.verdict() == Significance.Verdict.REGRESSION) worse.add(s.describe().replace(" REGRESSION", ""));
                if (s.verdict() == Significance.Verdict.IMPROVEMENT) better.add(s.describe().replace(" improved", ""));
            }
            if (successRate.regression()) worse.add(String.format(Locale.ROOT, "success %+.1f%%", successRate.changePercent()));
            if (!worse.isEmpty()) return "REGRESSION (" + String.join(", ", worse) + ")";
            return better.isEmpty() ? "no significant change" : "improved (" + String.join(", ", better) + ")";
        }
        return noiseBandVerdict() + " (noise band only: too little per-second data for a significance test)";
    }

    private String noiseBandVerdict() {
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
