package io.repram.orchestrate.analysis;

import java.util.Arrays;

/**
 * Sample quantiles by linear interpolation between closest ranks (Hyndman and Fan's type 7, the
 * default of R and NumPy): the median of an odd count is its middle value, of an even count the
 * mean of the two middle ones.
 */
final class Quantile {
    private Quantile() {
    }

    /** @param q in [0, 1]; {@code values} must not be empty */
    static double of(double[] values, double q) {
        if (values.length == 0) throw new IllegalArgumentException("no values");
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
