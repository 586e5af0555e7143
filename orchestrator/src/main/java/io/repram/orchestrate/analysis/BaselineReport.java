package io.repram.orchestrate.analysis;

import io.repram.orchestrate.results.AtomicFiles;
import io.repram.orchestrate.results.CellResult;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** {@code performance-baseline.md}: the date, the top configurations, alert thresholds and capacity. */
public final class BaselineReport {

    public static final String FILE_NAME = "performance-baseline.md";

    private BaselineReport() {
    }

    /** Writes the file and, when the scaling law could be fitted, its chart beside it. */
    public static Path write(Path file, Baseline b, CapacityPlan.Estimate capacity, LocalDate today) {
        List<CapacityPlan.Point> curve = CapacityPlan.curve(b.run().cells(), b.run().searches(), Baseline.MIN_SUCCESS_PERCENT);
        UslFit.fit(points(curve)).ifPresent(m -> ScalingChart.write(file.toAbsolutePath().getParent(), curve, m,
                capacity == null ? null : capacity.targetRps()));
        AtomicFiles.write(file, render(b, capacity, today, true));
        return file;
    }

    private static List<UslFit.Point> points(List<CapacityPlan.Point> curve) {
        return curve.stream().map(p -> new UslFit.Point(p.nodes(), p.requestsPerSec())).toList();
    }

    /** @param capacity null when no target load was given */
    public static String render(Baseline b, CapacityPlan.Estimate capacity, LocalDate today) {
        return render(b, capacity, today, false);
    }

    private static String render(Baseline b, CapacityPlan.Estimate capacity, LocalDate today, boolean withChart) {
        StringBuilder md = new StringBuilder("# REPRAM performance baseline\n\n");
        md.append("- Date: ").append(today).append('\n')
                .append("- Run: `").append(b.run().dir().path().toAbsolutePath().normalize()).append("`, scenario ")
                .append(b.run().runInfo().scenario().name()).append(", started ").append(b.run().runInfo().startedAt())
                .append('\n')
                .append(text("- Environment: %s driver, %d cores, image `%s`%n", b.run().runInfo().driver(),
                        b.run().runInfo().cores(), b.run().runInfo().imageId()));
        md.append("\n## Top configurations\n\n");
        if (b.top().isEmpty()) {
            md.append("No cell was measured in full, so there is no baseline.\n");
        } else {
            md.append(b.allCellsBelowSuccessTarget()
                    ? "No cell reached 99% success; these are the best of all cells, so fix the errors before relying on them.\n\n"
                    : "Highest throughput among the cells with at least 99% success.\n\n");
            md.append("| # | Nodes | Workers | Bytes | req/s | Success | mean ms | p50 ms | p99 ms |\n")
                    .append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            List<CellResult> top = b.top();
            for (int i = 0; i < top.size(); i++) {
                CellResult r = top.get(i);
                md.append(text("| %d | %d | %d | %d | %,.1f | %.3f%% | %.2f | %.2f | %.2f |%n", i + 1,
                        r.cell().clusterSize(), r.cell().concurrency(), r.cell().payloadBytes(),
                        r.load().requestsPerSec(), r.load().successRate(), r.load().all().meanNanos() / 1e6,
                        r.load().all().p50Nanos() / 1e6, r.load().all().p99Nanos() / 1e6));
            }
        }
        if (!b.skipped().isEmpty()) {
            md.append("\nLeft out (skipped, so measured over only part of their window): ")
                    .append(String.join(", ", b.skipped().stream().map(r -> "`" + r.cell().id() + "`").toList()))
                    .append(".\n");
        }
        md.append(alerts(b));
        md.append(scalingModel(CapacityPlan.curve(b.run().cells(), b.run().searches(), Baseline.MIN_SUCCESS_PERCENT), withChart));
        md.append("\n## Capacity\n\n");
        if (capacity == null) {
            md.append("No target load was given; pass `--target-rps N` for the node count it needs.\n");
        } else {
            md.append(text("Target: %,.1f req/s. ", capacity.targetRps()))
                    .append(capacity.nodesNeeded() == null ? "**More nodes will not reach it.**"
                            : "**Nodes needed: " + capacity.nodesNeeded() + ".**")
                    .append("\n\n");
            capacity.reasoning().forEach(line -> md.append("- ").append(line).append('\n'));
            List<CapacityPlan.Point> used = CapacityPlan.curve(b.run().cells(), b.run().searches(),
                    Baseline.MIN_SUCCESS_PERCENT);
            md.append("\nScaling curve used (").append(source(used)).append("):\n\n| Nodes | req/s | From |\n|---:|---:|---|\n");
            used.forEach(p -> md.append(text("| %d | %,.1f | %s |%n", p.nodes(), p.requestsPerSec(),
                    p.searched() ? "rate search: max sustainable within the SLO" : "best healthy cell")));
        }
        return md.toString();
    }

    /** One table row per alert, per cluster size; an alert with too few samples says so instead of a value. */
    static String alerts(Baseline b) {
        StringBuilder md = new StringBuilder("\n## Alert thresholds\n\n")
                .append(text("Per cluster size, each from the distribution of that size's samples (resource samples from "
                        + "%s; per-second intervals from the cells' `*_intervals.csv`). No alert is proposed from fewer "
                        + "than %d samples.%n%n", b.statsSource(), AlertThresholds.MIN_SAMPLES))
                .append("| Nodes | Alert when | Threshold | Derived from |\n|---:|---|---:|---|\n");
        for (AlertThresholds.SizeAlerts size : b.alerts()) {
            for (Alert a : size.alerts()) {
                String value = !a.proposed() ? "none"
                        : a.unit().equals("req/s") ? text("%,.1f req/s", a.threshold())
                        : a.unit().equals("%") ? text("%.1f%%", a.threshold())
                        : text("%.2f %s", a.threshold(), a.unit());
                md.append(text("| %d | %s | %s | %s |%n", size.clusterSize(), a.condition(), value, a.derivedFrom()));
            }
        }
        return md.toString();
    }

    /** λ, σ, κ and the peak of the Universal Scalability Law over the curve, or why there is no fit. */
    static String scalingModel(List<CapacityPlan.Point> curve, boolean withChart) {
        StringBuilder md = new StringBuilder("\n## Scaling model\n\n");
        var model = UslFit.fit(points(curve));
        if (model.isEmpty()) {
            return md.append(text("No fit: the Universal Scalability Law needs at least %d measured cluster sizes, "
                    + "this run has %d.%n", UslFit.MIN_SIZES, curve.size())).toString();
        }
        UslFit.Model m = model.get();
        md.append("X(N) = λN / (1 + σ(N−1) + κN(N−1)), fitted to ").append(source(curve)).append(".\n\n")
                .append("| λ (req/s, one node) | σ (contention) | κ (coherency) | R² | peak at |\n|---:|---:|---:|---:|---:|\n")
                .append(text("| %,.1f | %.4f | %.5f | %.3f | %s |%n", m.lambda(), m.sigma(), m.kappa(), m.rSquared(),
                        m.peakNodes().map(p -> text("%.1f nodes, %,.1f req/s", p, m.maxThroughput()))
                                .orElse("no peak (κ = 0)")));
        if (withChart) {
            md.append("\n![Throughput against cluster size, with the scaling model](").append(ScalingChart.NAME)
                    .append(".png)\n");
        }
        return md.toString();
    }

    /** What the curve's rates are: searched maxima, best cells, or a mix. */
    static String source(List<CapacityPlan.Point> curve) {
        long searched = curve.stream().filter(CapacityPlan.Point::searched).count();
        if (searched == 0) return "the best healthy throughput of each size";
        if (searched == curve.size()) return "each size's highest rate within the search's SLO (max_sustainable_rps)";
        return "each size's highest rate within the search's SLO where it was searched, else its best healthy cell";
    }

    private static String text(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
