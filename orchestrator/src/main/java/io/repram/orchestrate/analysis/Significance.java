package io.repram.orchestrate.analysis;

import io.repram.orchestrate.results.IntervalLatency;
import io.repram.orchestrate.results.IntervalRecord;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether one metric of a cell changed from run A to run B by more than its noise: the relative
 * change of its per-second mean with a 95% block-bootstrap interval ({@link Bootstrap#changePercent}),
 * or with enough trials the change between trials with an exact rank interval ({@link #ofTrials}).
 * A change is a regression or an improvement only when the interval excludes zero AND the change is
 * at least the minimum effect ({@link MinEffect}: a share, and for latency also an absolute amount);
 * anything else is "no significant change", however large the bare delta.
 *
 * @param changePercent null when a side had too little data
 */
public record Significance(String metric, Bootstrap.Interval changePercent, int intervalsA, int intervalsB,
                           Verdict verdict, int trialsA, int trialsB) {

    /** A test over per-second intervals (one trial a side). */
    public Significance(String metric, Bootstrap.Interval changePercent, int intervalsA, int intervalsB, Verdict verdict) {
        this(metric, changePercent, intervalsA, intervalsB, verdict, 1, 1);
    }

    /**
     * With at least this many trials on both sides, the test runs over trials instead of seconds: the
     * fewest for which an exact 95% interval exists on both sides equal ({@link RankShift#possible}; 3
     * against 3 cannot reach it).
     */
    public static final int MIN_TRIALS = 4;

    /** Below this many measured seconds per side, no interval is offered (a 5 s cell says little about noise). */
    public static final int MIN_INTERVALS = 10;

    public enum Verdict { REGRESSION, IMPROVEMENT, NO_SIGNIFICANT_CHANGE, TOO_LITTLE_DATA }

    /** @param higherIsBetter true for throughput, false for latency */
    static Significance of(String metric, double[] a, double[] b, boolean higherIsBetter, MinEffect minEffect) {
        if (a.length < MIN_INTERVALS || b.length < MIN_INTERVALS) {
            return new Significance(metric, null, a.length, b.length, Verdict.TOO_LITTLE_DATA);
        }
        Optional<Bootstrap.Interval> ci = Bootstrap.changePercent(a, b);
        if (ci.isEmpty()) {
            return new Significance(metric, null, a.length, b.length, Verdict.TOO_LITTLE_DATA);
        }
        double absolute = Math.abs(Bootstrap.mean(b) - Bootstrap.mean(a));
        return decided(metric, ci.get(), absolute, a.length, b.length, higherIsBetter, minEffect, 1, 1);
    }

    /**
     * Over independent trials: the median pairwise ratio of B's trials to A's with its exact rank interval
     * ({@link RankShift}), each trial one sample, so the trial-to-trial spread (a cluster start, a
     * neighbour's load) counts as noise.
     *
     * @param seconds the measured seconds behind each side, for the report
     */
    static Significance ofTrials(String metric, double[] a, double[] b, int[] seconds, boolean higherIsBetter,
                                 MinEffect minEffect) {
        Optional<Bootstrap.Interval> ci = RankShift.changePercent(a, b);
        if (a.length < MIN_TRIALS || b.length < MIN_TRIALS || ci.isEmpty()) {
            return new Significance(metric, null, seconds[0], seconds[1], Verdict.TOO_LITTLE_DATA, a.length, b.length);
        }
        // The absolute floor weighs the change the point estimate states, in A's unit: the printed
        // "+25%" of A's median. The gap between the medians can say otherwise (A 2.5 ms, B 4.1 ms for a
        // Hodges–Lehmann +25%), and a verdict must not rest on a figure the report does not show.
        double absolute = Math.abs(ci.get().point()) / 100 * Bootstrap.median(a);
        return decided(metric, ci.get(), absolute, seconds[0], seconds[1], higherIsBetter, minEffect, a.length,
                b.length);
    }

    /**
     * @param absoluteChange |B − A| of the statistic the interval is about, in the metric's unit (ms for
     *                       latency, which alone has an absolute floor)
     */
    private static Significance decided(String metric, Bootstrap.Interval c, double absoluteChange, int intervalsA,
                                        int intervalsB, boolean higherIsBetter, MinEffect minEffect, int trialsA,
                                        int trialsB) {
        boolean large = Math.abs(c.point()) >= minEffect.percent()
                && (higherIsBetter || absoluteChange >= minEffect.latencyMillis());
        boolean significant = c.excludes(0) && large;
        boolean better = higherIsBetter ? c.point() > 0 : c.point() < 0;
        Verdict v = !significant ? Verdict.NO_SIGNIFICANT_CHANGE : better ? Verdict.IMPROVEMENT : Verdict.REGRESSION;
        return new Significance(metric, c, intervalsA, intervalsB, v, trialsA, trialsB);
    }

    /** Whether the test ran over trials rather than one trial's seconds. */
    public boolean overTrials() {
        return trialsA > 1 && trialsB > 1;
    }

    /** "3 trials, 27 s / 3 trials, 26 s" or "60 s / 58 s": the data each side had. */
    public String data() {
        return overTrials() ? String.format(Locale.ROOT, "%d trials, %d s / %d trials, %d s", trialsA, intervalsA,
                trialsB, intervalsB) : intervalsA + " s / " + intervalsB + " s";
    }

    /** Successful requests per second, per measured interval. */
    public static double[] ratePerSecond(List<IntervalRecord> intervals) {
        return measured(intervals).stream().mapToDouble(IntervalRecord::achievedPerSec).toArray();
    }

    /**
     * The p99 of each measured second in milliseconds: of the op with more requests that second (a
     * per-second p99 of the mix cannot be rebuilt from the two ops' p99s). Seconds without requests are left out.
     */
    public static double[] p99PerSecondMs(List<IntervalRecord> intervals) {
        return measured(intervals).stream().filter(r -> r.put().count() + r.get().count() > 0)
                .mapToDouble(r -> dominant(r.put(), r.get()).p99Us() / 1000.0).toArray();
    }

    private static IntervalLatency dominant(IntervalLatency put, IntervalLatency get) {
        return put.count() >= get.count() ? put : get;
    }

    /** Warm-up rows and the short stub at a window's end (under half a second) say nothing about the steady state. */
    private static List<IntervalRecord> measured(List<IntervalRecord> intervals) {
        return intervals.stream().filter(r -> !r.warmup() && r.intervalMillis() >= 500).toList();
    }

    /** "−12.3% [−15.1, −9.4] regression", or why there is no verdict. */
    public String describe() {
        return switch (verdict) {
            case TOO_LITTLE_DATA -> String.format(Locale.ROOT, "%s: too little data (%d and %d s; at least %d each)",
                    metric, intervalsA, intervalsB, MIN_INTERVALS);
            default -> String.format(Locale.ROOT, "%s %+.1f%% [%+.1f, %+.1f] %s", metric, changePercent.point(),
                    changePercent.low(), changePercent.high(), switch (verdict) {
                        case REGRESSION -> "REGRESSION";
                        case IMPROVEMENT -> "improved";
                        default -> "no significant change";
                    });
        };
    }
}
