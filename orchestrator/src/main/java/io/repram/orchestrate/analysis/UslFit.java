package io.repram.orchestrate.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Gunther's Universal Scalability Law fitted to a scaling curve:
 * {@code X(N) = λN / (1 + σ(N−1) + κN(N−1))}, with λ the throughput of one node free of
 * contention, σ the contention (the serial share) and κ the coherency cost (each node talking to
 * every other, which is what gossip replication does).
 *
 * <p>The fit minimises the squared error of X itself, not of a transformed quantity, so large and
 * small clusters weigh as their throughput does. For a fixed λ the model is linear in σ and κ once
 * written as {@code λN/X − 1 = σ(N−1) + κN(N−1)}; that 2-variable least squares (weighted so its
 * residuals approximate those of X, constrained to σ in [0, 1] and κ ≥ 0) is solved exactly, and λ is
 * searched on a log grid from the largest per-node throughput measured (λ can be no lower, since the
 * denominator is at least 1) to 20 times that, then refined by golden-section search.
 */
public final class UslFit {

    /** Fewer sizes than this leave σ and κ undetermined (three parameters). */
    public static final int MIN_SIZES = 3;

    private static final int GRID_POINTS = 240;
    private static final double LAMBDA_RANGE = 20;

    /** One measured point: cluster size and its best sustainable throughput. */
    public record Point(int nodes, double requestsPerSec) {
    }

    /**
     * @param lambda  requests/s of one node without contention
     * @param sigma   contention, 0 (none) to 1 (no gain from a second node)
     * @param kappa   coherency, ≥ 0; above 0 the curve peaks and then declines
     * @param rSquared share of the throughput's variance the model explains; 1 by construction with exactly 3 sizes
     */
    public record Model(double lambda, double sigma, double kappa, double rSquared, int sizes) {

        public double throughput(double nodes) {
            return lambda * nodes / (1 + sigma * (nodes - 1) + kappa * nodes * (nodes - 1));
        }

        /** The size where throughput peaks, √((1−σ)/κ); empty when κ is 0 (the curve only flattens). */
        public Optional<Double> peakNodes() {
            return kappa > 0 ? Optional.of(Math.max(1, Math.sqrt((1 - sigma) / kappa))) : Optional.empty();
        }

        /** The model's ceiling: the peak's throughput, or λ/σ as N grows when κ is 0 (infinite when σ is 0 too). */
        public double maxThroughput() {
            Optional<Double> peak = peakNodes();
            if (peak.isPresent()) {
                double lo = Math.floor(peak.get());
                return Math.max(throughput(Math.max(1, lo)), throughput(lo + 1));
            }
            return sigma > 0 ? lambda / sigma : Double.POSITIVE_INFINITY;
        }

        /** The smallest whole cluster size the model says reaches {@code targetRps}; empty when none does. */
        public Optional<Integer> nodesFor(double targetRps) {
            if (throughput(1) >= targetRps) {
                return Optional.of(1);
            }
            if (kappa == 0) {
                // X(N) = λN / (1 + σ(N−1)) ≥ T  ⇔  N ≥ T(1−σ) / (λ − Tσ), reachable only below the ceiling λ/σ.
                double headroom = lambda - targetRps * sigma;
                return headroom <= 0 ? Optional.empty()
                        : Optional.of((int) Math.ceil(targetRps * (1 - sigma) / headroom - 1e-9));
            }
            // With κ > 0 the curve rises to its peak and falls after, so the first size past the peak is the last to try.
            int last = (int) Math.ceil(peakNodes().orElseThrow()) + 1;
            for (int n = 2; n <= last; n++) {
                if (throughput(n) >= targetRps) {
                    return Optional.of(n);
                }
            }
            return Optional.empty();
        }
    }

    private UslFit() {
    }

    /** The best fit, or empty when fewer than {@link #MIN_SIZES} distinct sizes with a positive rate were measured. */
    public static Optional<Model> fit(List<Point> measured) {
        List<Point> points = new ArrayList<>(measured.stream()
                .filter(p -> p.nodes() >= 1 && p.requestsPerSec() > 0 && Double.isFinite(p.requestsPerSec())).toList());
        points.sort(Comparator.comparingInt(Point::nodes));
        if (points.stream().map(Point::nodes).distinct().count() < MIN_SIZES) {
            return Optional.empty();
        }
        double lambdaMin = points.stream().mapToDouble(p -> p.requestsPerSec() / p.nodes()).max().orElseThrow();
        double logLo = Math.log(lambdaMin);
        double logHi = Math.log(lambdaMin * LAMBDA_RANGE);
        double bestLog = logLo;
        double bestError = Double.POSITIVE_INFINITY;
        for (int i = 0; i <= GRID_POINTS; i++) {
            double l = logLo + (logHi - logLo) * i / GRID_POINTS;
            double e = error(points, Math.exp(l));
            if (e < bestError) {
                bestError = e;
                bestLog = l;
            }
        }
        double step = (logHi - logLo) / GRID_POINTS;
        double lambda = Math.exp(goldenSection(points, Math.max(logLo, bestLog - step), Math.min(logHi, bestLog + step)));
        double[] sk = sigmaKappa(points, lambda);
        return Optional.of(new Model(lambda, sk[0], sk[1], rSquared(points, lambda, sk), points.size()));
    }

    private static double goldenSection(List<Point> points, double a, double b) {
        double g = (Math.sqrt(5) - 1) / 2;
        double c = b - g * (b - a);
        double d = a + g * (b - a);
        for (int i = 0; i < 80; i++) {
            if (error(points, Math.exp(c)) < error(points, Math.exp(d))) {
                b = d;
            } else {
                a = c;
            }
            c = b - g * (b - a);
            d = a + g * (b - a);
        }
        return (a + b) / 2;
    }

    /** Sum of squared errors of X for this λ with its best σ and κ. */
    private static double error(List<Point> points, double lambda) {
        double[] sk = sigmaKappa(points, lambda);
        double sse = 0;
        for (Point p : points) {
            double r = model(lambda, sk, p.nodes()) - p.requestsPerSec();
            sse += r * r;
        }
        return sse;
    }

    private static double model(double lambda, double[] sk, int n) {
        return lambda * n / (1 + sk[0] * (n - 1) + sk[1] * (double) n * (n - 1));
    }

    /**
     * Weighted least squares of {@code y = λN/X − 1} on {@code a = N−1}, {@code b = N(N−1)}, with σ in
     * [0, 1] and κ ≥ 0: the unconstrained solution if it is feasible, else the best of the boundary fits.
     * The weight {@code (X²/(λN))²} is the square of dX/dy, so each residual counts as its error in X would.
     */
    private static double[] sigmaKappa(List<Point> points, double lambda) {
        double saa = 0, sab = 0, sbb = 0, say = 0, sby = 0;
        for (Point p : points) {
            double n = p.nodes();
            double x = p.requestsPerSec();
            double y = lambda * n / x - 1;
            double dxdy = x * x / (lambda * n);
            double w = dxdy * dxdy;
            double a = n - 1;
            double b = n * (n - 1);
            saa += w * a * a;
            sab += w * a * b;
            sbb += w * b * b;
            say += w * a * y;
            sby += w * b * y;
        }
        List<double[]> candidates = new ArrayList<>();
        double det = saa * sbb - sab * sab;
        if (Math.abs(det) > 1e-12 * Math.max(1, saa * sbb)) {
            candidates.add(new double[] {(say * sbb - sby * sab) / det, (saa * sby - sab * say) / det});
        }
        candidates.add(new double[] {saa > 0 ? say / saa : 0, 0});
        candidates.add(new double[] {0, sbb > 0 ? sby / sbb : 0});
        candidates.add(new double[] {1, sbb > 0 ? (sby - sab) / sbb : 0});
        candidates.add(new double[] {0, 0});
        double[] best = null;
        double bestError = Double.POSITIVE_INFINITY;
        for (double[] c : candidates) {
            double[] feasible = {Math.min(1, Math.max(0, c[0])), Math.max(0, c[1])};
            double e = 0;
            for (Point p : points) {
                double r = model(lambda, feasible, p.nodes()) - p.requestsPerSec();
                e += r * r;
            }
            if (e < bestError) {
                bestError = e;
                best = feasible;
            }
        }
        return best;
    }

    private static double rSquared(List<Point> points, double lambda, double[] sk) {
        double mean = points.stream().mapToDouble(Point::requestsPerSec).average().orElse(0);
        double sst = 0;
        double sse = 0;
        for (Point p : points) {
            double r = model(lambda, sk, p.nodes()) - p.requestsPerSec();
            sse += r * r;
            double d = p.requestsPerSec() - mean;
            sst += d * d;
        }
        // A flat curve has no variance to explain; the model that matches it exactly explains all of it.
        return sst == 0 ? (sse == 0 ? 1 : 0) : 1 - sse / sst;
    }
}
