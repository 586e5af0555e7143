package io.repram.orchestrate.analysis;

/**
 * The smallest change of req/s or p99 that compare calls a regression or an improvement, however
 * certain its interval. A relative floor alone is not enough for latency: an idle cell's p99 is a
 * fraction of a millisecond, where one scheduler hiccup moves it by tens of percent (measured: two
 * runs of the same idle cell, p99 0.38 and 0.73 ms, +69.7%), while a real regression of an idle cell
 * costs milliseconds (a CPU burner beside the cluster: 0.38 to 5.18 ms). So a p99 change must also be
 * at least {@code latencyMillis} in absolute terms.
 *
 * @param percent       the smallest relative change of req/s or p99, in percent
 * @param latencyMillis the smallest absolute change of p99, in milliseconds
 */
public record MinEffect(double percent, double latencyMillis) {

    public static final MinEffect DEFAULT = new MinEffect(5, 1);

    public MinEffect {
        if (!(percent >= 0) || !(latencyMillis >= 0)) {
            throw new IllegalArgumentException("a minimum effect is not negative: " + percent + "%, " + latencyMillis + " ms");
        }
    }
}
