package io.repram.orchestrate.analysis;

import io.repram.orchestrate.results.CellResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many nodes a target load needs, read from the measured scaling curve: the best healthy
 * throughput of each cluster size. Within the measured sizes it interpolates linearly; beyond the
 * largest it extrapolates with the last segment's gain per node, and says so.
 */
public final class CapacityPlan {

    /** Extrapolating further than this multiple of the largest measured size is flagged as a guess. */
    static final int FAR_EXTRAPOLATION_FACTOR = 3;

    /** One point of the scaling curve. */
    public record Point(int nodes, double requestsPerSec) {
    }

    /**
     * @param nodesNeeded null when the curve says more nodes will not reach the target
     * @param reasoning   how the number was read from the curve, and every assumption made
     */
    public record Estimate(double targetRps, Integer nodesNeeded, List<String> reasoning) {
        public Estimate {
            reasoning = List.copyOf(reasoning);
        }
    }

    private CapacityPlan() {
    }

    /**
     * Best throughput per cluster size among cells with at least {@code minSuccessPercent}; all cells
     * if none has. Skipped cells are never on the curve.
     */
    public static List<Point> curve(List<CellResult> cells, double minSuccessPercent) {
        List<CellResult> full = cells.stream().filter(CellResult::measuredInFull).toList();
        List<CellResult> healthy = full.stream().filter(r -> r.load().successRate() >= minSuccessPercent).toList();
        Map<Integer, Double> best = new TreeMap<>();
        for (CellResult r : healthy.isEmpty() ? full : healthy) {
            best.merge(r.cell().clusterSize(), r.load().requestsPerSec(), Math::max);
        }
        return best.entrySet().stream().map(e -> new Point(e.getKey(), e.getValue())).toList();
    }

    public static Estimate forTarget(List<Point> curve, double targetRps) {
        List<String> why = new ArrayList<>();
        if (curve.isEmpty()) {
            why.add("No cell finished, so there is no scaling curve to read.");
            return new Estimate(targetRps, null, why);
        }
        Point first = curve.get(0);
        if (targetRps <= first.requestsPerSec()) {
            why.add(text("The smallest measured cluster, %s, already sustained %s req/s, at or above the target.",
                    RunCharts.nodes(first.nodes()), rate(first.requestsPerSec())));
            if (first.nodes() > 1) {
                why.add("Smaller clusters were not measured; fewer nodes may suffice.");
            }
            return new Estimate(targetRps, first.nodes(), why);
        }
        for (int i = 1; i < curve.size(); i++) {
            Point lo = curve.get(i - 1);
            Point hi = curve.get(i);
            if (lo.requestsPerSec() < targetRps && targetRps <= hi.requestsPerSec()) {
                double exact = lo.nodes() + (targetRps - lo.requestsPerSec())
                        / (hi.requestsPerSec() - lo.requestsPerSec()) * (hi.nodes() - lo.nodes());
                int nodes = (int) Math.ceil(exact - 1e-9);
                why.add(text("Interpolated linearly between the measured %s (%s req/s) and %s (%s req/s): %.2f nodes, "
                                + "rounded up to %d.", RunCharts.nodes(lo.nodes()), rate(lo.requestsPerSec()),
                        RunCharts.nodes(hi.nodes()), rate(hi.requestsPerSec()), exact, nodes));
                if (nodes != hi.nodes()) {
                    why.add(text("%d nodes were not measured; %s is the nearest measured size that reached the target.",
                            nodes, RunCharts.nodes(hi.nodes())));
                }
                return new Estimate(targetRps, nodes, why);
            }
        }
        return beyondTheCurve(curve, targetRps, why);
    }

    private static Estimate beyondTheCurve(List<Point> curve, double targetRps, List<String> why) {
        Point last = curve.get(curve.size() - 1);
        Point peak = curve.stream().max(java.util.Comparator.comparingDouble(Point::requestsPerSec)).orElseThrow();
        if (curve.size() == 1) {
            double perNode = last.requestsPerSec() / last.nodes();
            int nodes = (int) Math.ceil(targetRps / perNode - 1e-9);
            why.add(text("Only %s was measured, so there is no curve: this assumes perfectly linear scaling at "
                    + "%s req/s per node, which real clusters do not reach. Measure more cluster sizes.",
                    RunCharts.nodes(last.nodes()), rate(perNode)));
            return new Estimate(targetRps, nodes, why);
        }
        Point prev = curve.get(curve.size() - 2);
        double gainPerNode = (last.requestsPerSec() - prev.requestsPerSec()) / (last.nodes() - prev.nodes());
        if (gainPerNode <= 0) {
            why.add(text("The target is above every measured throughput, and the curve is %s from %s to %s "
                            + "(%s → %s req/s): more nodes will not help. The peak measured was %s req/s with %s.",
                    gainPerNode < 0 ? "declining" : "flat", RunCharts.nodes(prev.nodes()), RunCharts.nodes(last.nodes()),
                    rate(prev.requestsPerSec()), rate(last.requestsPerSec()), rate(peak.requestsPerSec()),
                    RunCharts.nodes(peak.nodes())));
            why.add("If all nodes ran on one machine they shared its CPU; spread them over more machines, give each "
                    + "node more CPU, or lower the load per request before adding nodes.");
            return new Estimate(targetRps, null, why);
        }
        double exact = last.nodes() + (targetRps - last.requestsPerSec()) / gainPerNode;
        int nodes = (int) Math.ceil(exact - 1e-9);
        why.add(text("Extrapolated beyond the largest measured size, %s (%s req/s), assuming each further node adds "
                        + "%s req/s, the gain per node between %s and %s: %.2f nodes, rounded up to %d.",
                RunCharts.nodes(last.nodes()), rate(last.requestsPerSec()), rate(gainPerNode),
                RunCharts.nodes(prev.nodes()), RunCharts.nodes(last.nodes()), exact, nodes));
        why.add("Clusters usually gain less per node as they grow (each write is gossiped to more peers), so treat "
                + "this as a lower bound and confirm it by measuring " + nodes + " nodes.");
        if (nodes > FAR_EXTRAPOLATION_FACTOR * last.nodes()) {
            why.add(text("That is more than %d× the largest measured size: far outside the data, so a guess.",
                    FAR_EXTRAPOLATION_FACTOR));
        }
        return new Estimate(targetRps, nodes, why);
    }

    private static String rate(double rps) {
        return text("%,.1f", rps);
    }

    private static String text(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
