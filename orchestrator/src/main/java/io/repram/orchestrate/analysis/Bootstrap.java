package io.repram.orchestrate.analysis;

import java.util.Arrays;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Bootstrap confidence intervals for one trial's per-second figures, which are autocorrelated (a GC
 * pause or a warm JIT lasts several seconds), so they are resampled in blocks: the circular
 * moving-block bootstrap. Resampling single seconds would treat 60 correlated seconds as 60
 * independent samples and give an interval far too narrow. A few independent trials need no
 * resampling: {@link MedianInterval} and {@link RankShift} count their orderings instead.
 *
 * <p>Seeded: the same data gives the same interval, so a report re-rendered later says the same.
 */
public final class Bootstrap {

    public static final double LEVEL = 0.95;
    static final int RESAMPLES = 2000;
    private static final long SEED = 0x5eed_1dea_5eedL;

    /**
     * @param point   the statistic on the data itself
     * @param low     lower bound of the interval at {@link #LEVEL}
     * @param high    upper bound
     * @param samples how many values (trials or intervals) it came from
     */
    public record Interval(double point, double low, double high, int samples) {
        public boolean excludes(double value) {
            return value < low || value > high;
        }

        public double width() {
            return high - low;
        }
    }

    private Bootstrap() {
    }

    /** Fills {@code out} with a resample of {@code data}. */
    @FunctionalInterface
    private interface Resampler {
        void into(double[] data, SplittableRandom random, double[] out);
    }

    /**
     * {@link #RESAMPLES} values of {@code 100 × (statistic(b*) / statistic(a*) − 1)}, each side resampled
     * on its own (A first, then B, from one seeded stream); a resample whose A statistic is 0 is left out.
     */
    private static double[] changeResamples(double[] a, double[] b, Resampler resampleA, Resampler resampleB,
                                            ToDoubleFunction<double[]> statistic) {
        SplittableRandom random = new SplittableRandom(SEED);
        double[] stats = new double[RESAMPLES];
        double[] ra = new double[a.length];
        double[] rb = new double[b.length];
        int kept = 0;
        for (int r = 0; r < RESAMPLES; r++) {
            resampleA.into(a, random, ra);
            resampleB.into(b, random, rb);
            double sa = statistic.applyAsDouble(ra);
            if (sa != 0) {
                stats[kept++] = 100 * (statistic.applyAsDouble(rb) / sa - 1);
            }
        }
        return Arrays.copyOf(stats, kept);
    }

    /** The median; 0 for no values. */
    public static double median(double[] values) {
        if (values.length == 0) {
            return 0;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /**
     * Block length for a series: long enough that a block holds most of the series' memory. From the
     * lag-1 autocorrelation ρ, as for an AR(1) process (Politis and White's rule, which grows with
     * (2ρ/(1−ρ²))^(2/3) · n^(1/3)), at least n^(1/3) and 2, at most a quarter of the series.
     */
    static int blockLength(double[] series) {
        int n = series.length;
        double rho = Math.min(0.95, Math.max(0, lag1(series)));
        double memory = Math.pow(2 * rho / (1 - rho * rho), 2.0 / 3);
        double b = Math.max(1, FACTOR * memory) * Math.cbrt(n);
        return (int) Math.max(2, Math.min(Math.max(2, n / 4), Math.round(b)));
    }

    /**
     * Scales Politis and White's order to the series lengths of a cell. Measured (300 AR(1) series each,
     * 95% intervals of the mean): with 2, coverage was 93% / 92% / 89% at n = 30 and ρ = 0 / 0.5 / 0.8,
     * 94% / 93% / 92% at n = 60, 94% / 94% / 94% at n = 300; with 1 it fell to 81% at n = 30, ρ = 0.8.
     */
    static final double FACTOR = 2;

    static double lag1(double[] x) {
        double m = mean(x);
        double num = 0;
        double den = 0;
        for (int i = 0; i < x.length; i++) {
            double d = x[i] - m;
            den += d * d;
            if (i > 0) {
                num += d * (x[i - 1] - m);
            }
        }
        return den == 0 ? 0 : num / den;
    }

    /** The mean of a series of per-second values; empty with fewer than 2 blocks' worth. */
    public static Optional<Interval> meanOfSeries(double[] series) {
        return ofSeries(series, Bootstrap::mean);
    }

    /**
     * The relative change of the mean from series {@code a} to series {@code b}, in percent
     * ({@code 100 × (mean b / mean a − 1)}), each side block-resampled on its own; empty when either
     * side is too short or A's mean is 0.
     */
    public static Optional<Interval> changePercent(double[] a, double[] b) {
        int blockA = blockLength(a);
        int blockB = blockLength(b);
        if (a.length < 2 * blockA || b.length < 2 * blockB || mean(a) == 0) {
            return Optional.empty();
        }
        double[] stats = changeResamples(a, b, (x, random, out) -> resampleBlocks(x, blockA, random, out),
                (x, random, out) -> resampleBlocks(x, blockB, random, out), Bootstrap::mean);
        return Optional.of(blockInterval(100 * (mean(b) / mean(a) - 1), stats, Math.min(a.length, b.length),
                Math.max(blockA, blockB)));
    }

    private static Optional<Interval> ofSeries(double[] series, ToDoubleFunction<double[]> statistic) {
        int block = blockLength(series);
        if (series.length < 2 * block) {
            return Optional.empty();
        }
        SplittableRandom random = new SplittableRandom(SEED);
        double[] stats = new double[RESAMPLES];
        double[] sample = new double[series.length];
        for (int r = 0; r < RESAMPLES; r++) {
            resampleBlocks(series, block, random, sample);
            stats[r] = statistic.applyAsDouble(sample);
        }
        return Optional.of(blockInterval(statistic.applyAsDouble(series), stats, series.length, block));
    }

    /**
     * From block resamples: the point ± t × the resamples' standard error, with t for the number of
     * blocks less one, and the standard error scaled up by √(n/(n−b)). The percentile interval of
     * short autocorrelated series is too narrow (its resamples cut the series' memory at every block
     * seam); these two corrections bring its coverage back near 95% (BootstrapTest states by how much).
     */
    private static Interval blockInterval(double point, double[] stats, int n, int block) {
        double m = mean(stats);
        double var = 0;
        for (double v : stats) {
            var += (v - m) * (v - m);
        }
        double se = Math.sqrt(var / Math.max(1, stats.length - 1)) * Math.sqrt(n / (double) Math.max(1, n - block));
        double t = StudentT.quantile975(Math.max(1, n / block - 1));
        return new Interval(point, point - t * se, point + t * se, n);
    }

    /** Fills {@code out} with blocks of {@code block} consecutive values from random starts, wrapping at the end. */
    private static void resampleBlocks(double[] series, int block, SplittableRandom random, double[] out) {
        int n = series.length;
        for (int i = 0; i < n; ) {
            int start = random.nextInt(n);
            for (int j = 0; j < block && i < n; j++, i++) {
                out[i] = series[(start + j) % n];
            }
        }
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return values.length == 0 ? 0 : sum / values.length;
    }
}
