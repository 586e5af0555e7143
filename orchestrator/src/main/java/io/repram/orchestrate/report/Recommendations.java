package io.repram.orchestrate.report;

import io.repram.orchestrate.results.CellLimit;
import io.repram.orchestrate.results.CellResult;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Advice drawn from the figures: where scaling stops paying, the concurrency sweet spot, warnings. */
final class Recommendations {

    /** A step up in cluster size that adds less than this share of throughput does not pay. */
    static final double MIN_PAYING_GAIN = 0.10;
    /** The smallest concurrency reaching this share of the peak is the sweet spot. */
    static final double SWEET_SPOT_SHARE = 0.90;
    static final double SUCCESS_WARNING_PERCENT = 99.9;
    static final double P99_WARNING_MS = 100;
    static final double TAIL_RATIO_WARNING = 10;

    private Recommendations() {
    }

    static List<String> of(ReportAnalysis analysis, int cores) {
        List<String> out = new ArrayList<>();
        scaling(analysis, cores, out);
        concurrency(analysis, out);
        errors(analysis, out);
        latency(analysis, out);
        degraded(analysis, out);
        return out;
    }

    private static void scaling(ReportAnalysis analysis, int cores, List<String> out) {
        List<ReportAnalysis.ScalingRow> rows = analysis.scaling();
        if (rows.size() < 2) {
            rows.stream().findFirst().ifPresent(r -> out.add("Only " + r.clusterSize() + "-node clusters were "
                    + "measured; list more `cluster_sizes` to see how throughput scales."));
            return;
        }
        for (int i = 1; i < rows.size(); i++) {
            ReportAnalysis.ScalingRow prev = rows.get(i - 1);
            ReportAnalysis.ScalingRow next = rows.get(i);
            double gain = prev.requestsPerSec() <= 0 ? 0 : next.requestsPerSec() / prev.requestsPerSec() - 1;
            if (gain < MIN_PAYING_GAIN) {
                out.add(Format.text("Scaling stops paying beyond %s: %s changed peak throughput by %+.0f%% "
                                + "(%s → %s req/s). %s is the sweet spot here%s.", Format.nodes(prev.clusterSize()),
                        Format.nodes(next.clusterSize()), 100 * gain, Format.rate(prev.requestsPerSec()),
                        Format.rate(next.requestsPerSec()), Format.nodes(prev.clusterSize()), cores > 0
                                ? Format.text("; all nodes share this machine's %d cores, so more nodes split the same CPU", cores)
                                : ""));
                return;
            }
        }
        ReportAnalysis.ScalingRow last = rows.get(rows.size() - 1);
        out.add(Format.text("Throughput kept growing up to %d nodes (%.2f× the smallest cluster, %.0f%% of linear); "
                + "larger clusters may still pay.", last.clusterSize(), last.speedup(), last.efficiencyPercent()));
    }

    private static void concurrency(ReportAnalysis analysis, List<String> out) {
        for (Map.Entry<Integer, List<CellResult>> e : analysis.concurrencySweeps().entrySet()) {
            List<CellResult> sweep = e.getValue();
            CellResult peak = sweep.stream().max(Comparator.comparingDouble(r -> r.load().requestsPerSec())).orElseThrow();
            double peakRate = peak.load().requestsPerSec();
            CellResult sweet = sweep.stream()
                    .filter(r -> r.load().requestsPerSec() >= SWEET_SPOT_SHARE * peakRate).findFirst().orElse(peak);
            CellResult most = sweep.get(sweep.size() - 1);
            if (sweet == most) {
                out.add(Format.text("%s: throughput was still rising at %d workers, the most tried (%s req/s); "
                                + "list higher `concurrency` to find the limit.", Format.nodes(e.getKey()),
                        most.cell().concurrency(), Format.rate(most.load().requestsPerSec())));
                continue;
            }
            String line = Format.text("%s: %d workers reach %.0f%% of the peak (%s req/s at %d workers, %d-byte values)",
                    Format.nodes(e.getKey()), sweet.cell().concurrency(),
                    peakRate <= 0 ? 0 : 100 * sweet.load().requestsPerSec() / peakRate,
                    Format.rate(peakRate), peak.cell().concurrency(), sweet.cell().payloadBytes());
            if (most.load().all().p99Nanos() > sweet.load().all().p99Nanos()) {
                line += Format.text("; more workers mostly add latency: p99 %s ms at %d workers vs %s ms at %d",
                        Format.ms(most.load().all().p99Nanos()), most.cell().concurrency(),
                        Format.ms(sweet.load().all().p99Nanos()), sweet.cell().concurrency());
            }
            out.add(line + ".");
        }
    }

    private static void errors(ReportAnalysis analysis, List<String> out) {
        List<CellResult> failing = analysis.ranked().stream()
                .filter(r -> r.load().successRate() < SUCCESS_WARNING_PERCENT)
                .sorted(Comparator.comparingDouble(r -> r.load().successRate())).toList();
        if (failing.isEmpty()) {
            if (!analysis.ranked().isEmpty()) {
                out.add(Format.text("Every %scell answered at least %.1f%% of its requests successfully.",
                        analysis.ranked().size() < analysis.results().size() ? "measured " : "",
                        SUCCESS_WARNING_PERCENT));
            }
            return;
        }
        for (CellResult r : failing.subList(0, Math.min(5, failing.size()))) {
            String top = r.load().errorsByClass().entrySet().stream().max(Map.Entry.comparingByValue())
                    .map(x -> "; most errors: " + x.getKey() + " (" + Format.count(x.getValue()) + ")").orElse("");
            out.add(Format.text("Errors: %s succeeded only %.3f%% of requests%s. Lower the concurrency there, or "
                    + "check the node logs and cluster metrics.", Format.cell(r.cell()), r.load().successRate(), top));
        }
        if (failing.size() > 5) {
            out.add((failing.size() - 5) + " more cells are below " + SUCCESS_WARNING_PERCENT + "% success; see summary.csv.");
        }
    }

    private static void latency(ReportAnalysis analysis, List<String> out) {
        for (CellResult r : analysis.ranked()) {
            double p99 = r.load().all().p99Nanos() / 1e6;
            double p50 = r.load().all().p50Nanos() / 1e6;
            if (p99 > P99_WARNING_MS) {
                out.add(Format.text("Latency: %s has a p99 of %s ms, above %.0f ms%s.", Format.cell(r.cell()),
                        Format.ms(r.load().all().p99Nanos()), P99_WARNING_MS, why(r)));
            } else if (p50 > 0 && p99 / p50 > TAIL_RATIO_WARNING) {
                out.add(Format.text("Latency: %s has a long tail, p99 %.0f× p50 (%s vs %s ms): look for GC pauses "
                                + "or CPU contention.", Format.cell(r.cell()), p99 / p50,
                        Format.ms(r.load().all().p99Nanos()), Format.ms(r.load().all().p50Nanos())));
            }
        }
    }

    /**
     * What limited a cell with a high p99, from its limit verdict (a busy host or a slow generator
     * can raise a p99 as surely as a saturated cluster); nothing for results without a verdict.
     */
    private static String why(CellResult r) {
        if (r.limit() == null) return "";
        return "; limited by " + CellLimit.label(r.limit().verdict()) + " (see \"What limited each cell\")";
    }

    private static void degraded(ReportAnalysis analysis, List<String> out) {
        analysis.results().stream().filter(r -> !CellResult.OK.equals(r.status())).forEach(r -> out.add(
                r.measuredInFull()
                        ? Format.text("Degraded: %s — %s.", Format.cell(r.cell()),
                                r.statusReason() == null ? r.status() : r.statusReason())
                        : Format.text("Skipped: %s — %s; its figures cover only part of its window, so it is listed "
                                + "in the tables but left out of every ranking above.", Format.cell(r.cell()),
                                r.statusReason() == null ? r.status() : r.statusReason())));
    }
}
