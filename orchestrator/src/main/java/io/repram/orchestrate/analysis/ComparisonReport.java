package io.repram.orchestrate.analysis;

import io.repram.orchestrate.results.AtomicFiles;
import io.repram.orchestrate.results.RunResults;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** A comparison as a plain-text table for the terminal and as comparison.md with charts. */
public final class ComparisonReport {

    public static final String FILE_NAME = "comparison.md";

    private ComparisonReport() {
    }

    /** The terminal table: one row per matched cell, widest columns padded. */
    public static String table(Comparison c) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"Cell", "req/s A", "req/s B", "Δ", "p99 ms A", "p99 ms B", "Δ", "success A",
                "success B", "Δ", "Verdict"});
        for (CellComparison m : c.matched()) {
            rows.add(new String[]{m.key().cellId(), num(m.requestsPerSec().a(), 1), num(m.requestsPerSec().b(), 1),
                    change(m.requestsPerSec()), num(m.p99Ms().a(), 2), num(m.p99Ms().b(), 2), change(m.p99Ms()),
                    num(m.successRate().a(), 3) + "%", num(m.successRate().b(), 3) + "%", change(m.successRate()),
                    m.tested() ? m.verdict() : m.verdict().replace(
                            " (noise band only: too little per-second data for a significance test)", " (noise band)")});
        }
        int[] width = new int[rows.get(0).length];
        rows.forEach(r -> {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        });
        StringBuilder out = new StringBuilder();
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                // Text left-aligned, numbers right-aligned.
                String cell = i == 0 || i == r.length - 1 ? pad(r[i], width[i], false) : pad(r[i], width[i], true);
                out.append(i == 0 ? "" : "  ").append(cell);
            }
            out.append('\n');
        }
        return out.toString().replaceAll(" +\n", "\n");
    }

    /** Writes {@code outDir/comparison.md} and its charts under {@code outDir/charts/}; returns the file. */
    public static Path write(Comparison c, Path outDir) {
        ChartStyle.headless();
        Path file = outDir.resolve(FILE_NAME);
        List<ChartFile> charts = c.matched().isEmpty() ? List.of() : List.of(
                chart(c, outDir, "compare_throughput", "Throughput, A against B", "Requests per second",
                        CellComparison::requestsPerSec),
                chart(c, outDir, "compare_p99", "p99 latency, A against B", "p99 latency (ms)", CellComparison::p99Ms),
                chart(c, outDir, "compare_success_rate", "Success rate, A against B", "Successful requests (%)",
                        CellComparison::successRate));
        AtomicFiles.write(file, markdown(c, charts, outDir));
        return file;
    }

    static String markdown(Comparison c, List<ChartFile> charts, Path outDir) {
        StringBuilder md = new StringBuilder("# REPRAM run comparison\n\n");
        md.append("| | Run | Scenario | Started | Driver | Cores | Image |\n|---|---|---|---|---|---:|---|\n");
        run(md, "A", c.runA());
        run(md, "B", c.runB());
        md.append(String.format(Locale.ROOT, "%nWhere both cells have at least %d measured seconds, a change of req/s "
                + "or p99 is a regression or an improvement only when its 95%% confidence interval (block bootstrap "
                + "over the per-second figures) excludes zero and the change is at least %s%% (`--min-effect`), and "
                + "for p99 also at least %s ms (`--min-effect-ms`: an idle cell's sub-millisecond p99 moves by tens of "
                + "percent on noise alone); otherwise it is no significant change, however large the bare delta. "
                + "Where both cells have at least "
                + Significance.MIN_TRIALS + " trials (`repeat`), the change is the median ratio of B's trials to A's "
                + "with the exact interval of the rank test over trials instead, so the spread between trials counts "
                + "as noise (3 trials a side cannot give a 95%% interval: all 3 of one side beat all 3 of the other "
                + "in 1 of 10 orderings by chance alone, so with fewer trials the per-second test runs on each cell's "
                + "median trial). Cells with less data, and "
                + "success rates, are judged by the %s%% noise band alone (`--noise`).%n%n", Significance.MIN_INTERVALS,
                num(c.minEffect().percent(), 1), num(c.minEffect().latencyMillis(), 2), num(c.noisePercent(), 1)));
        long untested = c.matched().stream().filter(m -> !m.tested()).count();
        if (untested > 0) {
            md.append(String.format(Locale.ROOT, "**%d of %d cells had too little per-second data for a significance "
                    + "test** (fewer than %d measured seconds on a side, or results without `_intervals.csv`): their "
                    + "verdicts rest on the noise band, which a noisy machine exceeds by chance.%n%n", untested,
                    c.matched().size(), Significance.MIN_INTERVALS));
        }
        if (!c.environment().isEmpty()) {
            md.append("**The environments differ**, so part of any change may come from them:\n\n");
            c.environment().forEach(w -> md.append("- ").append(w).append('\n'));
            md.append('\n');
        }
        List<CellComparison> regressions = c.regressions();
        md.append(regressions.isEmpty() ? "No regression in " + c.matched().size() + " compared cells.\n\n"
                : "**" + regressions.size() + " of " + c.matched().size() + " compared cells regressed.**\n\n");
        md.append("| Cell | req/s A | req/s B | Δ | p99 ms A | p99 ms B | Δ | Success A | Success B | Δ "
                        + "| req/s change [95% CI] | p99 change [95% CI] | Data A / B | Verdict |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (CellComparison m : c.matched()) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s%% | %s%% | %s | %s | %s | %s | %s |%n",
                    m.key().cellId(), num(m.requestsPerSec().a(), 1), num(m.requestsPerSec().b(), 1),
                    change(m.requestsPerSec()), num(m.p99Ms().a(), 2), num(m.p99Ms().b(), 2), change(m.p99Ms()),
                    num(m.successRate().a(), 3), num(m.successRate().b(), 3), change(m.successRate()),
                    interval(m.rateChange()), interval(m.p99Change()), m.rateChange().data(),
                    m.regression() ? "**" + m.verdict() + "**" : m.verdict()));
        }
        unmatched(md, "Only in A", c.onlyInA());
        unmatched(md, "Only in B", c.onlyInB());
        if (!charts.isEmpty()) {
            md.append("\n## Charts\n\n").append(ChartsMarkdown.embed(charts, outDir, "###"));
        }
        return md.toString();
    }

    private static void run(StringBuilder md, String label, RunResults r) {
        md.append(String.format(Locale.ROOT, "| %s | `%s` | %s | %s | %s | %d | `%s` |%n", label,
                r.dir().path().toAbsolutePath().normalize(), r.runInfo().scenario().name(), r.runInfo().startedAt(),
                r.runInfo().driver(), r.runInfo().cores(), r.runInfo().imageId()));
    }

    private static void unmatched(StringBuilder md, String title, List<CellKey> keys) {
        if (!keys.isEmpty()) {
            md.append("\n").append(title).append(" (no cell with the same parameters in the other run, not compared):\n\n");
            keys.forEach(k -> md.append("- ").append(k).append('\n'));
        }
    }

    private static ChartFile chart(Comparison c, Path outDir, String name, String title, String yLabel,
                                   Function<CellComparison, MetricDelta> metric) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (CellComparison m : c.matched()) {
            data.addValue(metric.apply(m).a(), "A", m.key().cellId());
            data.addValue(metric.apply(m).b(), "B", m.key().cellId());
        }
        JFreeChart chart = ChartFactory.createBarChart(title, "Cell", yLabel, data, PlotOrientation.VERTICAL,
                true, false, false);
        chart.getCategoryPlot().getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        return ChartWriter.write(ChartStyle.finish(chart, null), outDir.resolve(RunCharts.DIR), name,
                "Run A and run B side by side for each compared cell.");
    }

    /** "-12.3% [-15.1, -9.4]", or "n/a" without enough data. */
    static String interval(Significance s) {
        Bootstrap.Interval c = s.changePercent();
        return c == null ? "n/a" : String.format(Locale.ROOT, "%+.1f%% [%+.1f, %+.1f]", c.point(), c.low(), c.high());
    }

    static String change(MetricDelta d) {
        return Double.isNaN(d.changePercent()) ? "n/a" : String.format(Locale.ROOT, "%+.1f%%", d.changePercent());
    }

    private static String num(double value, int decimals) {
        return String.format(Locale.ROOT, "%,." + decimals + "f", value);
    }

    private static String pad(String s, int width, boolean right) {
        String fill = " ".repeat(Math.max(0, width - s.length()));
        return right ? fill + s : s + fill;
    }
}
