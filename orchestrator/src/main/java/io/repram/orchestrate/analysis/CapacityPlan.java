package io.repram.orchestrate.analysis;

import io.repram.orchestrate.results.CellResult;
import io.repram.orchestrate.results.SearchResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How many nodes a target load needs, read from the measured scaling curve: the best healthy
 * throughput of each cluster size. With {@link UslFit#MIN_SIZES} sizes or more it fits the Universal
 * Scalability Law and reads the answer from the model; with fewer it interpolates linearly within
 * the measured sizes and extrapolates beyond the largest with the last segment's gain per node, and
 * says so.
 */
public final class CapacityPlan {

    /** Extrapolating further than this multiple of the largest measured size is flagged as a guess. */
    static final int FAR_EXTRAPOLATION_FACTOR = 3;

    /**
     * One point of the scaling curve.
     *
     * @param searched the rate is the size's {@code max_sustainable_rps} from a rate search, not its best cell
     */
    public record Point(int nodes, double requestsPerSec, boolean searched) {
        public Point(int nodes, double requestsPerSec) {
            this(nodes, requestsPerSec, false);
        }
    }

    /**
     * @param nodesNeeded null when the curve says more nodes will not reach the target
     * @param reasoning   how the number was read from the curve, and every assumption made
     * @param model       the scaling-law fit the number was read from; null when there were too few sizes
     */
    public record Estimate(double targetRps, Integer nodesNeeded, List<String> reasoning, UslFit.Model model) {
        public Estimate {
            reasoning = List.copyOf(reasoning);
        }

        Estimate(double targetRps, Integer nodesNeeded, List<String> reasoning) {
            this(targetRps, nodesNeeded, reasoning, null);
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

    /**
     * As {@link #curve(List, double)}, with each size's rate search taking precedence: a size whose
     * search found a {@code max_sustainable_rps} (the highest over its payloads) is on the curve with
     * that rate; the other sizes with their best healthy cell.
     */
    public static List<Point> curve(List<CellResult> cells, List<SearchResult> searches, double minSuccessPercent) {
        Map<Integer, Point> bySize = new TreeMap<>();
        curve(cells, minSuccessPercent).forEach(p -> bySize.put(p.nodes(), p));
        Map<Integer, Integer> searched = new TreeMap<>();
        for (SearchResult s : searches) {
            if (s.finished() && s.maxSustainableRps() != null) {
                searched.merge(s.clusterSize(), s.maxSustainableRps(), Math::max);
            }
        }
        searched.forEach((size, rps) -> bySize.put(size, new Point(size, rps, true)));
        return List.copyOf(bySize.values());
    }

    /** As {@link #forTarget(List, double, boolean)} for nodes spread over several machines. */
    public static Estimate forTarget(List<Point> curve, double targetRps) {
        return forTarget(curve, targetRps, false);
    }

    /** @param oneHost every node and the load generator shared one machine (process and docker drivers) */
    public static Estimate forTarget(List<Point> curve, double targetRps, boolean oneHost) {
        Optional<UslFit.Model> model = UslFit.fit(curve.stream().map(p -> new UslFit.Point(p.nodes(), p.requestsPerSec()))
                .toList());
        if (model.isPresent()) {
            return fromModel(curve, targetRps, model.get(), oneHost);
        }
        Estimate straight = straightLine(curve, targetRps);
        List<String> why = new ArrayList<>(straight.reasoning());
        if (!curve.isEmpty()) {
            why.add(text("Only %d cluster size%s measured, so no scaling law was fitted (that takes %d): this is a "
                    + "straight-line reading. Measure more sizes for a model.", curve.size(),
                    curve.size() == 1 ? " was" : "s were", UslFit.MIN_SIZES));
        }
        return new Estimate(targetRps, straight.nodesNeeded(), why);
    }

    private static Estimate fromModel(List<Point> curve, double targetRps, UslFit.Model m, boolean oneHost) {
        List<String> why = new ArrayList<>();
        int largest = curve.get(curve.size() - 1).nodes();
        why.add(text("Universal Scalability Law fitted to %d cluster sizes: λ = %s req/s per node, σ (contention) = "
                + "%.4f, κ (coherency) = %.5f, R² = %.3f.", m.sizes(), rate(m.lambda()), m.sigma(), m.kappa(), m.rSquared()));
        if (m.sizes() == UslFit.MIN_SIZES) {
            why.add("With exactly 3 sizes the model has as many parameters as points, so it passes through every "
                    + "point and R² = 1 says nothing about how well it predicts; measure more sizes to test it.");
        }
        m.peakNodes().ifPresentOrElse(
                peak -> why.add(text("The model peaks at %.1f nodes with %s req/s; beyond that, adding nodes lowers "
                        + "throughput.", peak, rate(m.maxThroughput()))),
                () -> why.add(m.sigma() > 0
                        ? text("κ is 0: the model never declines, but it levels off towards λ/σ = %s req/s.",
                        rate(m.maxThroughput()))
                        : "σ and κ are 0: the measured sizes scaled linearly, which no real cluster keeps up for long."));
        if (oneHost) {
            why.add("Every node and the load generator ran on one machine, so the contention measured is largely that "
                    + "machine's CPU being shared: the model describes this host, not a deployment with a machine per node.");
        }
        Optional<Integer> nodes = m.nodesFor(targetRps);
        if (nodes.isEmpty()) {
            why.add(text("The target is above the model's ceiling of %s req/s: more nodes of this kind will not reach "
                    + "it. Give each node more CPU or lower the cost per request.", rate(m.maxThroughput())));
            return new Estimate(targetRps, null, why, m);
        }
        why.add(text("The smallest size the model gives at least %s req/s is %d nodes (%s req/s).", rate(targetRps),
                nodes.get(), rate(m.throughput(nodes.get()))));
        if (nodes.get() > largest) {
            why.add(text("That is beyond the largest measured size, %s: confirm it by measuring %d nodes.",
                    RunCharts.nodes(largest), nodes.get()));
            if (nodes.get() > FAR_EXTRAPOLATION_FACTOR * largest) {
                why.add(text("It is more than %d× the largest measured size: far outside the data, so a guess.",
                        FAR_EXTRAPOLATION_FACTOR));
            }
        }
        return new Estimate(targetRps, nodes.get(), why, m);
    }

    /** The reading without a model: interpolation between measured sizes, extrapolation past them. */
    private static Estimate straightLine(List<Point> curve, double targetRps) {
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
