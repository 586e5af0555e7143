package io.repram.orchestrate.run;

import io.repram.orchestrate.analysis.Bootstrap;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When an adaptive cell ({@code duration: {min, max, precision}}) has measured enough: once at least
 * {@code min} is measured, after every second it asks for the 95% block-bootstrap interval
 * ({@link Bootstrap#meanOfSeries}) of the per-second req/s and of the per-second p99, and stops as
 * soon as both half-widths are within {@code precision} percent of their means. At {@code max} the
 * load ends by itself. Seconds shorter than half a second (the stub at a window's end) are left out.
 */
public final class StopRule {

    public static final String PRECISION_REACHED = "precision reached";
    public static final String MAX_REACHED = "max duration reached";
    public static final String FIXED = "fixed duration";

    private final long minMillis;
    private final double precisionPercent;
    private final List<Double> rates = new ArrayList<>();
    private final List<Double> p99s = new ArrayList<>();
    private long measuredMillis;
    private double rateHalfWidthPercent = Double.NaN;
    private double p99HalfWidthPercent = Double.NaN;

    public StopRule(Duration min, double precisionPercent) {
        this.minMillis = min.toMillis();
        this.precisionPercent = precisionPercent;
    }

    /**
     * Adds one measured second; true when the cell may stop now.
     *
     * @param p99Millis that second's p99; ignored (not added) for a second without requests
     */
    public boolean add(long intervalMillis, double requestsPerSec, double p99Millis, boolean hadRequests) {
        measuredMillis += intervalMillis;
        if (intervalMillis < 500) return false;
        rates.add(requestsPerSec);
        if (hadRequests) p99s.add(p99Millis);
        if (measuredMillis < minMillis) return false;
        rateHalfWidthPercent = halfWidthPercent(rates);
        p99HalfWidthPercent = halfWidthPercent(p99s);
        return rateHalfWidthPercent <= precisionPercent && p99HalfWidthPercent <= precisionPercent;
    }

    /** The interval's half-width in percent of the mean; infinite while there is no interval yet. */
    static double halfWidthPercent(List<Double> series) {
        Optional<Bootstrap.Interval> ci = Bootstrap.meanOfSeries(series.stream().mapToDouble(Double::doubleValue).toArray());
        if (ci.isEmpty() || ci.get().point() <= 0) return Double.POSITIVE_INFINITY;
        return 100 * ci.get().width() / 2 / ci.get().point();
    }

    /** The latest req/s half-width, percent of the mean; NaN before {@code min}. */
    public double rateHalfWidthPercent() {
        return rateHalfWidthPercent;
    }

    public double p99HalfWidthPercent() {
        return p99HalfWidthPercent;
    }

    public long measuredMillis() {
        return measuredMillis;
    }
}
