package io.repram.orchestrate.run;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Whether a cell's per-second figures have stopped trending. The test, over the last
 * {@link #WINDOW_SECONDS} whole seconds: fit a least-squares line to the req/s and another to the
 * p99, and take each line's rise over the window as a share of the window's mean. The figures are
 * flat when req/s moved by at most {@link #RATE_TOLERANCE_PERCENT} and p99 by at most
 * {@link #P99_TOLERANCE_PERCENT} (a second's p99 is noisier than its rate), both.
 *
 * <p>A flat window at time t means the figures were steady from t − window on: {@link #flatFromMillis}.
 * Seconds shorter than half a second are left out.
 */
public final class WarmupWatch {

    public static final int WINDOW_SECONDS = 10;
    public static final double RATE_TOLERANCE_PERCENT = 10;
    public static final double P99_TOLERANCE_PERCENT = 20;

    private final Deque<double[]> window = new ArrayDeque<>();
    private long elapsedMillis;
    private long flatFromMillis = -1;
    private long flatAtMillis = -1;

    /** Adds one second; true when this second completed the first flat window (once). */
    public boolean add(long intervalMillis, double requestsPerSec, double p99Millis) {
        return add(intervalMillis, requestsPerSec, p99Millis, true);
    }

    /**
     * As {@link #add(long, double, double)}, with a condition outside the figures that must hold too:
     * a flat window while {@code warm} is false does not count (the nodes' JIT still compiling).
     */
    public boolean add(long intervalMillis, double requestsPerSec, double p99Millis, boolean warm) {
        elapsedMillis += intervalMillis;
        if (intervalMillis < 500 || flatAtMillis >= 0) return false;
        window.addLast(new double[] {requestsPerSec, p99Millis, elapsedMillis});
        if (window.size() > WINDOW_SECONDS) window.removeFirst();
        if (window.size() < WINDOW_SECONDS || !warm || !flat()) return false;
        flatAtMillis = elapsedMillis;
        flatFromMillis = (long) window.peekFirst()[2] - intervalMillis;
        return true;
    }

    private boolean flat() {
        return Math.abs(risePercent(0)) <= RATE_TOLERANCE_PERCENT && Math.abs(risePercent(1)) <= P99_TOLERANCE_PERCENT;
    }

    /** The fitted line's rise over the window, in percent of the window's mean; 0 for a mean of 0. */
    double risePercent(int column) {
        int n = window.size();
        double meanX = (n - 1) / 2.0;
        double meanY = 0;
        for (double[] v : window) meanY += v[column];
        meanY /= n;
        double num = 0;
        double den = 0;
        int x = 0;
        for (double[] v : window) {
            num += (x - meanX) * (v[column] - meanY);
            den += (x - meanX) * (x - meanX);
            x++;
        }
        return meanY == 0 ? 0 : 100 * (num / den) * n / meanY;
    }

    public boolean flatSeen() {
        return flatAtMillis >= 0;
    }

    /** From the start of the series, when the first flat window began; -1 when none was seen. */
    public long flatFromMillis() {
        return flatFromMillis;
    }

    /** When the first flat window was complete (the earliest a warm-up can end); -1 when none was seen. */
    public long flatAtMillis() {
        return flatAtMillis;
    }

    public long elapsedMillis() {
        return elapsedMillis;
    }
}
