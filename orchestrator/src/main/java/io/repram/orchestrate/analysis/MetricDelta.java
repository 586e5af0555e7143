package io.repram.orchestrate.analysis;

/**
 * One metric of one cell in two runs.
 *
 * @param changePercent (b - a) / a in percent; NaN when a is 0 and the change has no size
 * @param regression    b is worse than a by more than the noise threshold
 * @param improvement   b is better than a by more than the noise threshold
 */
public record MetricDelta(double a, double b, double changePercent, boolean regression, boolean improvement) {

    /**
     * @param higherIsBetter true for throughput and success rate, false for latency
     */
    public static MetricDelta of(double a, double b, boolean higherIsBetter, double noisePercent) {
        double change = a == 0 ? (b == 0 ? 0 : Double.NaN) : 100.0 * (b - a) / a;
        double better = higherIsBetter ? change : -change;
        boolean known = !Double.isNaN(change);
        return new MetricDelta(a, b, change, known && better < -noisePercent, known && better > noisePercent);
    }
}
