package io.repram.orchestrate.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The scenario's {@code search:} block: instead of running each cell once at the workload's rate,
 * find for each cluster size × payload the highest open-loop rate that meets the SLO. In this mode
 * the matrix's concurrency is the generator's connection budget (the most requests in flight), not
 * a step of the experiment.
 *
 * @param slo             what a probe must meet to pass, e.g. {@code p99_ms <= 20}, {@code success_rate >= 99.9}
 * @param startRate       the first probe's offered rate, req/s
 * @param maxRate         the highest rate probed; a search that passes it stops there (a lower bound)
 * @param step            measured time of each probe, after its own warm-up
 * @param warmup          each probe's warm-up, left out of its figures
 * @param resolutionPercent the search stops when the gap between the last passing and the first
 *                        failing rate is at most this share of the passing one
 */
public record SearchSpec(List<Threshold> slo, int startRate, int maxRate, Duration step, Duration warmup,
                         double resolutionPercent) {

    /** A probe whose achieved rate is below this share of the offered one did not get its load out. */
    public static final double ACHIEVED_SHARE = 0.95;
    public static final Duration DEFAULT_STEP = Duration.ofSeconds(10);
    public static final Duration DEFAULT_WARMUP = Duration.ofSeconds(3);
    public static final double DEFAULT_RESOLUTION_PERCENT = 5;
    public static final int DEFAULT_START_RATE = 100;
    public static final int DEFAULT_MAX_RATE = 200_000;
    public static final double MIN_RESOLUTION_PERCENT = 0.5;
    public static final double MAX_RESOLUTION_PERCENT = 50;
    public static final Duration MIN_STEP = Duration.ofSeconds(1);
    public static final Duration MAX_STEP = Duration.ofMinutes(10);
    /** The metrics an SLO may name: a probe's latency percentiles and its success rate. */
    public static final Set<ThresholdMetric> SLO_METRICS = Set.of(ThresholdMetric.P50_MS, ThresholdMetric.P90_MS,
            ThresholdMetric.P99_MS, ThresholdMetric.P999_MS, ThresholdMetric.SUCCESS_RATE);

    public SearchSpec {
        slo = List.copyOf(slo);
    }

    /** The SLO as the scenario file spells it: metric key to expression. */
    public Map<String, String> sloExpressions() {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        slo.forEach(t -> out.put(t.metric().key(), t.expression()));
        return out;
    }

    /** "p99_ms <= 20, success_rate >= 99.9". */
    public String sloText() {
        return String.join(", ", slo.stream().map(Threshold::toString).toList());
    }
}
