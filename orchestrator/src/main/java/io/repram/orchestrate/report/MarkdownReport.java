package io.repram.orchestrate.report;

import io.repram.orchestrate.results.ResultsException;
import io.repram.orchestrate.results.RunInfo;
import io.repram.orchestrate.results.AuditFigures;
import io.repram.orchestrate.results.CellResult;
import io.repram.orchestrate.results.ConvergenceFigures;
import io.repram.orchestrate.results.FaultEvent;
import io.repram.orchestrate.results.SearchResult;
import io.repram.orchestrate.results.Breach;
import io.repram.orchestrate.scenario.Matrix;
import io.repram.orchestrate.scenario.RunPlan;
import io.repram.orchestrate.scenario.Scenario;
import io.repram.orchestrate.scenario.Threshold;
import io.repram.orchestrate.gate.ThresholdEvaluator;
import io.repram.orchestrate.scenario.Units;
import io.repram.orchestrate.scenario.Workload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
        return render(template, info, results, List.of(), charts);
    }

    /** As {@link #render(String, RunInfo, List, String)}, with the rate searches of a search scenario after the cells. */
    public static String render(String template, RunInfo info, List<CellResult> results, List<SearchResult> searches,
                                String charts) {
        Map<String, String> values = values(info, results);
        if (!searches.isEmpty()) {
            values.put("results_table", values.get("results_table") + SearchSection.render(info.scenario(), searches));
        }
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
        // A warm-up until stable and an adaptive length end when the figures say so: the plan gives bounds.
        v.put("warmup", (s.measurement().warmupUntilStable() ? "up to " : "") + Units.formatDuration(s.warmup()));
        v.put("duration", s.measurement().adaptive() ? Units.formatDuration(s.measurement().minDuration()) + " to "
                + Units.formatDuration(s.duration()) + " (until req/s and p99 are within ±"
                + Threshold.formatNumber(s.measurement().precisionPercent()) + "%)" : Units.formatDuration(s.duration()));
        v.put("workload", workload(s.workload()));
        String none = noneRanked(analysis);
        v.put("peak_throughput", analysis.peakThroughput().map(r -> Format.rate(r.load().requestsPerSec())
                + " req/s — " + Format.cell(r.cell())).orElse(none));
        v.put("best_success_rate", analysis.bestSuccessRate().map(r -> Format.percent(r.load().successRate())
                + " — " + Format.cell(r.cell())).orElse(none));
        v.put("lowest_latency", analysis.lowestLatency().map(r -> "mean " + Format.ms(Math.round(r.load().all().meanNanos()))
                + " ms, p99 " + Format.ms(r.load().all().p99Nanos()) + " ms — " + Format.cell(r.cell()))
                .orElse(none));
        v.put("scaling_table", scalingTable(analysis));
        // Only the local engines put every node on this machine's cores; swarm spreads them over machines.
        List<String> advice = Recommendations.of(analysis, "swarm".equals(info.driver()) ? 0 : info.cores());
        v.put("recommendations", advice.isEmpty() ? "No cell finished, so there is nothing to recommend yet."
                : advice.stream().map(a -> "- " + a).collect(Collectors.joining("\n")));
        v.put("thresholds", thresholds(s, analysis));
        // Appended to the cells table so that every template showing the cells shows this too.
        v.put("results_table", resultsTable(analysis) + LimitSection.render(analysis.results())
                + TrialsSection.render(analysis.results()) + replication(analysis.results())
                + AvailabilitySection.render(analysis.results()) + AgentSection.render(analysis.results()) + PlacementSection.render(info.engineDetails()));
        return v;
    }

    /** What a highlight says when no cell may be ranked: none finished, or every one was skipped. */
    private static String noneRanked(ReportAnalysis analysis) {
        return analysis.results().isEmpty() ? "no cell finished" : "no cell was measured in full (every finished cell was skipped)";
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
            return Character.toUpperCase(noneRanked(analysis).charAt(0)) + noneRanked(analysis).substring(1) + ".";
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
        for (CellResult r : analysis.ranked()) {
            for (Breach b : evaluator.evaluate(r)) {
                t.append("| ").append(r.cell().id()).append(" | ").append(b.metric()).append(" | ")
                        .append(io.repram.orchestrate.scenario.Threshold.formatNumber(b.measured())).append(" | ")
                        .append(b.expression()).append(" |\n");
            }
        }
        String skipped = analysis.ranked().size() < analysis.results().size()
                ? " Skipped cells are not judged." : "";
        if (t.length() == 0) {
            return "All thresholds met in every " + (skipped.isEmpty() ? "finished" : "measured") + " cell: " + gates
                    + "." + skipped;
        }
        return "Breached (gates: " + gates + "):\n\n| Cell | Metric | Measured | Required |\n|---|---|---:|---|\n"
                + t.toString().stripTrailing() + (skipped.isEmpty() ? "" : "\n\n" + skipped.strip());
    }

    private static String resultsTable(ReportAnalysis analysis) {
        if (analysis.results().isEmpty()) {
            return "No cell finished.";
        }
        StringBuilder t = new StringBuilder("| Nodes | Workers | Bytes | req/s | Success | p50 ms | p99 ms | max ms "
                + "| Errors | Status | Limited by |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|\n");
        for (CellResult r : analysis.results()) {
            t.append(Format.text("| %d | %d | %d | %s | %s | %s | %s | %s | %s | %s | %s |%n", r.cell().clusterSize(),
                    r.cell().concurrency(), r.cell().payloadBytes(), Format.rate(r.load().requestsPerSec()),
                    Format.percent(r.load().successRate()), Format.ms(r.load().all().p50Nanos()),
                    Format.ms(r.load().all().p99Nanos()), Format.ms(r.load().all().maxNanos()),
                    Format.count(r.load().failures()), r.measuredInFull() ? r.status() : r.status() + " (partial, not ranked)",
                    LimitSection.column(r)));
        }
        return t.toString().stripTrailing();
    }

    /**
     * Convergence lag, the write audit and the fault timeline of each cell, then what the faulted
     * cells lost against the cells without faults. Empty when no cell measured any of it.
     */
    static String replication(List<CellResult> results) {
        List<CellResult> measured = results.stream()
                .filter(r -> r.convergence() != null || r.audit() != null || !r.faults().isEmpty()).toList();
        if (measured.isEmpty()) {
            return "";
        }
        StringBuilder t = new StringBuilder("\n\n## Replication and faults\n\n"
                + "Convergence: lag from a probe PUT until every other node served it. Audit: every key acknowledged "
                + "(201) during the cell and still within its TTL, looked up on every node after a settle time; "
                + "lost = served by no node, missing replicas = summed over the nodes, keys a node does not serve; "
                + "corrupt = a sample read back with other bytes (a replica that kept an older value counts too; the "
                + "first few are listed per node below, with their lengths).\n\n"
                + "| Cell | Faults | Convergence p50 / p99 / max ms | Probe timeouts | Audited keys | Lost writes "
                + "| Missing replicas | Corrupt reads |\n|---|---|---:|---:|---:|---:|---:|---:|\n");
        for (CellResult r : measured) {
            ConvergenceFigures c = r.convergence();
            AuditFigures a = r.audit();
            String faults = r.faults().isEmpty() ? "none" : r.faults().stream().map(FaultEvent::describe)
                    .collect(Collectors.joining("; ")).replace('\n', ' ').replace("|", "\\|");
            t.append(Format.text("| %s | %s | %s | %s | %s | %s | %s | %s |%n", r.cell().id(), faults,
                    c == null ? "—" : Format.text("%.1f / %.1f / %.1f", c.p50Millis(), c.p99Millis(), c.maxMillis()),
                    c == null ? "—" : c.timeouts() + " of " + c.probes(),
                    a == null ? "—" : Format.count(a.checkedKeys()),
                    a == null ? "—" : Format.count(a.lostWrites()),
                    a == null ? "—" : Format.count(a.missingReplicasTotal()),
                    a == null ? "—" : Format.count(a.corruptReads())));
        }
        t.append(AvailabilitySection.missingReplicas(measured));
        t.append("\n\n**What a fault cost:** ").append(faultCost(measured));
        return t.toString().stripTrailing();
    }

    private static String faultCost(List<CellResult> measured) {
        List<CellResult> faulted = measured.stream().filter(r -> r.faults().stream()
                .anyMatch(f -> FaultEvent.SCENARIO.equals(f.origin()))).toList();
        List<CellResult> clean = measured.stream().filter(r -> !faulted.contains(r)).toList();
        String cleanPart = clean.isEmpty() ? "no cell ran without faults" : "without faults, " + costOf(clean);
        if (faulted.isEmpty()) {
            long lost = lostWrites(clean);
            long corrupt = corruptReads(clean);
            if (lost == 0 && corrupt == 0) {
                return "no fault was injected; " + cleanPart + ".";
            }
            return "no fault was injected; " + cleanPart + ". Without faults no write may be lost and no read "
                    + "corrupt, so the " + Format.count(lost + corrupt) + " lost or corrupt key(s) point at a replication fault "
                    + "in the nodes: check their logs.";
        }
        return "with faults, " + costOf(faulted) + "; " + cleanPart + ".";
    }

    private static long lostWrites(List<CellResult> cells) {
        return cells.stream().filter(r -> r.audit() != null).mapToLong(r -> r.audit().lostWrites()).sum();
    }

    private static long corruptReads(List<CellResult> cells) {
        return cells.stream().filter(r -> r.audit() != null).mapToLong(r -> r.audit().corruptReads()).sum();
    }

    /** Only what was measured: a cell without an audit lost no writes that anyone counted. */
    private static String costOf(List<CellResult> cells) {
        List<String> parts = new ArrayList<>();
        List<CellResult> audited = cells.stream().filter(r -> r.audit() != null).toList();
        if (!audited.isEmpty()) {
            parts.add(Format.text("%d lost write(s), %d corrupt read(s)", lostWrites(audited), corruptReads(audited)));
        }
        List<ConvergenceFigures> probed = cells.stream().map(CellResult::convergence).filter(c -> c != null).toList();
        if (!probed.isEmpty()) {
            parts.add(Format.text("%d probe timeout(s), convergence p99 up to %.1f ms",
                    probed.stream().mapToLong(ConvergenceFigures::timeouts).sum(),
                    probed.stream().mapToDouble(ConvergenceFigures::p99Millis).max().orElse(0)));
        }
        double successRate = cells.stream().mapToDouble(r -> r.load().successRate()).min().orElse(0);
        parts.add("success rate down to " + Format.percent(successRate));
        return String.join(", ", parts);
    }
}
