package io.repram.orchestrate.scenario;

import java.time.Duration;

/**
 * How each cell is measured beyond its fixed window: repeated trials, an adaptive length and a
 * warm-up that ends when the figures stop trending. With {@link #FIXED} a cell is what it always was:
 * one trial of {@code warmup} then {@code duration}.
 *
 * @param repeat              trials per cell, 1..{@link ScenarioDefaults#MAX_REPEAT}
 * @param freshClusterPerTrial start a new cluster for every trial (not only for every cluster size)
 * @param minDuration         adaptive length: the shortest measured window; null = fixed length
 *                            ({@code Scenario.duration} is then the longest)
 * @param precisionPercent    adaptive length: stop once the 95% interval's half-width of req/s and of
 *                            p99 is within this share of their means; null = fixed length
 * @param warmupUntilStable   warm up until the figures stop trending ({@code Scenario.warmup} is then the
 *                            longest warm-up); false = a fixed warm-up of {@code Scenario.warmup}
 */
public record Measurement(int repeat, boolean freshClusterPerTrial, Duration minDuration, Double precisionPercent,
                          boolean warmupUntilStable) {

    public static final Measurement FIXED = new Measurement(1, false, null, null, false);

    public boolean adaptive() {
        return precisionPercent != null;
    }

    public Measurement fixedLength() {
        return new Measurement(repeat, freshClusterPerTrial, null, null, warmupUntilStable);
    }

    public Measurement withRepeat(int trials) {
        return new Measurement(trials, freshClusterPerTrial, minDuration, precisionPercent, warmupUntilStable);
    }
}
