package io.repram.orchestrate.report;

import io.repram.orchestrate.results.CellResult;
import io.repram.orchestrate.results.TrialFigures;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * report.md's "How sure are these figures" section: per cell, req/s and p99 with their 95% intervals,
 * how many trials or seconds they rest on, why the cell stopped and how long it warmed up, and in
 * words when an interval is too wide to conclude anything or the figures may be a cold start.
 */
final class TrialsSection {

    private TrialsSection() {
    }

    /** Empty when no cell has trial figures (results of older versions). */
    static String render(List<CellResult> results) {
        List<CellResult> cells = results.stream()
                .filter(r -> r.trials() != null && r.trials().requestsPerSec() != null).toList();
        if (cells.isEmpty()) return "";
        StringBuilder t = new StringBuilder("\n\n## How sure are these figures\n\n"
                + "req/s and p99 with confidence intervals, 95% unless the table says less. With several trials each "
                + "figure is the median over the trials (the tables above show the trial at the median req/s, so their "
                + "p99 may differ) and the interval runs between trials, holding the median whatever their "
                + "distribution. With fewer than 6 trials no interval of a median reaches 95% without assumptions: it "
                + "spans the lowest to the highest trial, which holds the median 75% of the time with 3 trials, 87.5% "
                + "with 4 and 93.75% with 5, and the table gives that level. With one trial, a block bootstrap over "
                + "its per-second figures. An interval wider than ±"
                + (int) TrialFigures.TOO_WIDE_PERCENT + "% of its figure is too wide to conclude anything: a change "
                + "smaller than that cannot be told from noise.\n\n"
                + "| Cell | Trials | req/s [CI] | p99 [CI] | Stopped | Measured | Warm-up | Note |\n"
                + "|---|---:|---:|---:|---|---:|---:|---|\n");
        for (CellResult r : cells) {
            TrialFigures f = r.trials();
            t.append(Format.text("| %s | %d | %s | %s | %s | %.0f s | %s | %s |%n", r.cell().id(), f.trials().size(),
                    estimate(f.requestsPerSec(), 1, ""), estimate(f.p99LatencyUs(), 1000, " ms"), f.stopReason(),
                    f.measuredMillis() / 1000.0, warmup(f), note(f)));
        }
        return t.toString();
    }

    private static String estimate(TrialFigures.Estimate e, double divisor, String unit) {
        String point = fmt(e.point() / divisor) + unit;
        if (!e.hasInterval()) return point + " (no interval: too little data)";
        return point + " [" + fmt(e.ciLow() / divisor) + ", " + fmt(e.ciHigh() / divisor) + "]" + level(e);
    }

    /** "" for a 95% interval; else its level, or for older results (no level kept) that it is below 95%. */
    private static String level(TrialFigures.Estimate e) {
        if (e.belowNinetyFive()) {
            return " (" + new java.text.DecimalFormat("0.##", java.text.DecimalFormatSymbols.getInstance(Locale.ROOT))
                    .format(e.levelPercent()) + "% CI)";
        }
        boolean olderFewTrials = e.levelPercent() == null && TrialFigures.Estimate.TRIALS.equals(e.basis())
                && e.samples() < 6;
        return olderFewTrials ? " (below 95%: fewer than 6 trials)" : "";
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, v >= 100 ? "%.0f" : "%.1f", v);
    }

    private static String warmup(TrialFigures f) {
        boolean stable = f.trials().stream().anyMatch(TrialFigures.Trial::warmupUntilStable);
        return String.format(Locale.ROOT, "%.0f s%s", f.warmupMillis() / 1000.0, stable ? " (until stable)" : "");
    }

    /** The words a reader needs next to the figures; "" when there is nothing to warn about. */
    static String note(TrialFigures f) {
        List<String> out = new ArrayList<>();
        List<String> wide = new ArrayList<>();
        if (f.requestsPerSec().tooWide()) wide.add("req/s" + halfWidth(f.requestsPerSec()));
        if (f.p99LatencyUs().tooWide()) wide.add("p99" + halfWidth(f.p99LatencyUs()));
        if (!wide.isEmpty()) out.add("too wide to conclude anything: " + String.join(", ", wide));
        String cold = f.coldWarning();
        if (cold != null) out.add("**may be cold-JVM figures, not the cluster's:** " + cold);
        return String.join("; ", out);
    }

    private static String halfWidth(TrialFigures.Estimate e) {
        Double h = e.halfWidthPercent();
        return h == null ? " (no interval)" : String.format(Locale.ROOT, " ±%.0f%%", h);
    }
}
