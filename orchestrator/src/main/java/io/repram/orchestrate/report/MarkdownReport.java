package io.repram.orchestrate.report;

import io.repram.orchestrate.result.CellResult;
import io.repram.orchestrate.scenario.Breach;
import io.repram.orchestrate.scenario.Matrix;
import io.repram.orchestrate.scenario.RunPlan;
import io.repram.orchestrate.scenario.Scenario;
import io.repram.orchestrate.scenario.ThresholdEvaluator;
import io.repram.orchestrate.scenario.Units;
import io.repram.orchestrate.scenario.Workload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders report.md from a template (by default results-templates/report.md, bundled in the jar). */
public final class MarkdownReport {

    public static final String TEMPLATE_RESOURCE = "/results-templates/report.md";

    private MarkdownReport() {
    }

    public static String defaultTemplate() {
        try (InputStream in = MarkdownReport.class.getResourceAsStream(TEMPLATE_RESOURCE)) {
            if (in == null) {
                throw new ResultsException("the report template " + TEMPLATE_RESOURCE + " is missing from the jar; "
                        + "rebuild it with mvn package");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ResultsException("cannot read the report template: " + e.getMessage(), e);
        }
    }

    public static String render(String template, RunInfo info, List<CellResult> results) {
        return render(template, info, results, "");
    }

    /**
     * @param charts Markdown of the charts section ({@code {{charts}}}), empty when there are none;
     *               it brings its own heading and surrounding blank lines
     */
    public static String render(String template, RunInfo info, List<CellResult> results, String charts) {
        Map<String, String> values = values(info, results);
        values.put("charts", charts);
        return TemplateRenderer.render(template, values);
    }

    /** Every placeholder a template may use, except {@code charts}, which the caller supplies. */
    static Map<String, String> values(RunInfo info, List<CellResult> results) {
        Scenario s = info.scenario();
        ReportAnalysis analysis = new ReportAnalysis(results);
        Map<String, String> v = new LinkedHashMap<>();
        v.put("scenario", s.name());
        v.put("started_at", String.valueOf(info.startedAt()));
        v.put("driver", info.driver());
        v.put("engine_version", info.engineVersion());
        v.put("cores", Integer.toString(info.cores()));
        v.put("memory", Format.mib(info.memoryBytes()));
        v.put("image", s.image());
        v.put("image_id", info.imageId());
        v.put("tool_version", info.toolVersion());
        v.put("matrix", matrix(s.matrix()));
        v.put("cells_finished", Integer.toString(results.size()));
        v.put("cells_planned", Integer.toString(RunPlan.of(s).totalCells()));
        v.put("warmup", Units.formatDuration(s.warmup()));
        v.put("duration", Units.formatDuration(s.duration()));
        v.put("workload", workload(s.workload()));
        v.put("peak_throughput", analysis.peakThroughput().map(r -> Format.rate(r.load().requestsPerSec())
                + " req/s — " + Format.cell(r.cell())).orElse("no cell finished"));
        v.put("best_success_rate", analysis.bestSuccessRate().map(r -> Format.percent(r.load().successRate())
                + " — " + Format.cell(r.cell())).orElse("no cell finished"));
        v.put("lowest_latency", analysis.lowestLatency().map(r -> "mean " + Format.ms(Math.round(r.load().all().meanNanos()))
                + " ms, p99 " + Format.ms(r.load().all().p99Nanos()) + " ms — " + Format.cell(r.cell()))
                .orElse("no cell finished"));
        v.put("scaling_table", scalingTable(analysis));
        List<String> advice = Recommendations.of(analysis, info.cores());
        v.put("recommendations", advice.isEmpty() ? "No cell finished, so there is nothing to recommend yet."
                : advice.stream().map(a -> "- " + a).collect(Collectors.joining("\n")));
        v.put("thresholds", thresholds(s, analysis));
        v.put("results_table", resultsTable(analysis));
        return v;
    }

    private static String matrix(Matrix m) {
        return "cluster sizes " + join(m.clusterSizes()) + " × concurrency " + join(m.concurrency())
                + " × payload bytes " + join(m.payloadBytes());
    }

    private static String join(List<Integer> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private static String workload(Workload w) {
        return w.putPercent() + "% PUT / " + (100 - w.putPercent()) + "% GET, TTL " + w.ttlSeconds() + " s, "
                + w.keySpace() + " keys, " + (w.ratePerSecond() == null ? "closed loop"
                : "open loop at " + w.ratePerSecond() + " req/s") + ", targets " + w.targets().name().toLowerCase();
    }

    private static String scalingTable(ReportAnalysis analysis) {
        List<ReportAnalysis.ScalingRow> rows = analysis.scaling();
        if (rows.isEmpty()) {
            return "No cell finished.";
        }
        StringBuilder t = new StringBuilder("| Nodes | Best req/s | At | Speed-up | Linear | Efficiency |\n"
                + "|---:|---:|---|---:|---:|---:|\n");
        for (ReportAnalysis.ScalingRow r : rows) {
            t.append(Format.text("| %d | %s | %d workers, %d B | %.2f× | %.2f× | %.0f%% |%n", r.clusterSize(),
                    Format.rate(r.requestsPerSec()), r.best().cell().concurrency(), r.best().cell().payloadBytes(),
                    r.speedup(), r.linearSpeedup(), r.efficiencyPercent()));
        }
        return t.toString().stripTrailing();
    }

    private static String thresholds(Scenario s, ReportAnalysis analysis) {
        ThresholdEvaluator evaluator = ThresholdEvaluator.forScenario(s);
        if (evaluator.isEmpty()) {
            return "No thresholds were set.";
        }
        String gates = evaluator.thresholds().stream().map(t -> "`" + t + "`").collect(Collectors.joining(", "));
        StringBuilder t = new StringBuilder();
        for (CellResult r : analysis.results()) {
            for (Breach b : evaluator.evaluate(r)) {
                t.append("| ").append(r.cell().id()).append(" | ").append(b.metric()).append(" | ")
                        .append(io.repram.orchestrate.scenario.Threshold.formatNumber(b.measured())).append(" | ")
                        .append(b.expression()).append(" |\n");
            }
        }
        if (t.length() == 0) {
            return "All thresholds met in every finished cell: " + gates + ".";
        }
        return "Breached (gates: " + gates + "):\n\n| Cell | Metric | Measured | Required |\n|---|---|---:|---|\n"
                + t.toString().stripTrailing();
    }

    private static String resultsTable(ReportAnalysis analysis) {
        if (analysis.results().isEmpty()) {
            return "No cell finished.";
        }
        StringBuilder t = new StringBuilder("| Nodes | Workers | Bytes | req/s | Success | p50 ms | p99 ms | max ms "
                + "| Errors | Status |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (CellResult r : analysis.results()) {
            t.append(Format.text("| %d | %d | %d | %s | %s | %s | %s | %s | %s | %s |%n", r.cell().clusterSize(),
                    r.cell().concurrency(), r.cell().payloadBytes(), Format.rate(r.load().requestsPerSec()),
                    Format.percent(r.load().successRate()), Format.ms(r.load().all().p50Nanos()),
                    Format.ms(r.load().all().p99Nanos()), Format.ms(r.load().all().maxNanos()),
                    Format.count(r.load().failures()), r.status()));
        }
        return t.toString().stripTrailing();
    }
}
