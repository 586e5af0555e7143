package io.repram.orchestrate.results;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * How a cell was measured and how sure its headline figures are: each trial's figures, and req/s and
 * p99 as a point with a 95% interval. With several trials the point is the median trial and the
 * interval a bootstrap over trials; with one, the interval comes from the trial's per-second figures
 * (block bootstrap), scaled to the cell's figure.
 *
 * @param trials        in run order; the cell's other figures are those of the median-req/s trial
 * @param requestsPerSec the cell's req/s with its interval
 * @param p99LatencyUs  the cell's p99 in µs with its interval
 */
public record TrialFigures(List<Trial> trials, Estimate requestsPerSec, Estimate p99LatencyUs) {

    /** An interval wider than this (half-width, percent of the point) is too wide to conclude anything. */
    public static final double TOO_WIDE_PERCENT = 10;

    public TrialFigures {
        trials = List.copyOf(trials);
    }

    /**
     * One trial.
     *
     * @param stopReason        "fixed duration", "precision reached", "max duration reached" or "skipped"
     * @param warmupFlatFromMs  from the start of the trial's load, when its figures stopped trending
     *                          (the WarmupWatch test); null when they never did
     */
    public record Trial(
            int trial,
            @JsonProperty("started_epoch_ms") long startedEpochMillis,
            double requestsPerSec,
            @JsonProperty("p99_latency_us") long p99LatencyUs,
            double successPercent,
            @JsonProperty("measured_ms") long measuredMillis,
            String stopReason,
            @JsonProperty("warmup_ms") long warmupMillis,
            boolean warmupUntilStable,
            boolean warmupHitMax,
            @JsonProperty("warmup_flat_from_ms") Long warmupFlatFromMillis) {

        /** Whether this trial's measured window may hold cold-start figures, and why; null when not. */
        public String coldReason() {
            if (warmupUntilStable) {
                return warmupHitMax ? "its warm-up reached its " + seconds(warmupMillis)
                        + " limit before the figures stopped trending with the nodes' JIT quiet" : null;
            }
            if (warmupFlatFromMillis == null) {
                return "its figures did not stop trending within the " + seconds(warmupMillis + measuredMillis)
                        + " of load (or that was too short for the stability test)";
            }
            return warmupFlatFromMillis > warmupMillis ? "its figures settled only " + seconds(warmupFlatFromMillis)
                    + " into the load, after the " + seconds(warmupMillis) + " warm-up" : null;
        }

        private static String seconds(long millis) {
            return String.format(java.util.Locale.ROOT, "%.0f s", millis / 1000.0);
        }
    }

    /**
     * @param ciLow        null when there was too little data for an interval
     * @param samples      trials (basis "trials") or per-second intervals (basis "intervals")
     * @param levelPercent the chance that the interval holds the true figure: 95, or less for the
     *                     median of fewer than 6 trials (75 for 3), which no interval can hold at 95%
     *                     without assumptions; null without an interval, and in results before 2026-12-03
     */
    public record Estimate(double point, Double ciLow, Double ciHigh, int samples, String basis, Double levelPercent) {
        public static final String TRIALS = "trials";
        public static final String INTERVALS = "intervals";

        /** An estimate whose interval, if any, is a 95% one. */
        public Estimate(double point, Double ciLow, Double ciHigh, int samples, String basis) {
            this(point, ciLow, ciHigh, samples, basis, ciLow == null || ciHigh == null ? null : 95.0);
        }

        /** Whether the interval is below 95% (too few trials for more), so a reader must be told its level. */
        @JsonIgnore
        public boolean belowNinetyFive() {
            return hasInterval() && levelPercent != null && levelPercent < 94.95;
        }

        @JsonIgnore
        public boolean hasInterval() {
            return ciLow != null && ciHigh != null;
        }

        /** Half the interval's width in percent of the point; null without an interval or a point of 0. */
        @JsonIgnore
        public Double halfWidthPercent() {
            return !hasInterval() || point == 0 ? null : 100 * (ciHigh - ciLow) / 2 / Math.abs(point);
        }

        @JsonIgnore
        public boolean tooWide() {
            Double h = halfWidthPercent();
            return h == null || h > TOO_WIDE_PERCENT;
        }
    }

    /** The trials' distinct stop reasons, e.g. "precision reached" or "precision reached; max duration reached". */
    @JsonIgnore
    public String stopReason() {
        return String.join("; ", trials.stream().map(Trial::stopReason).distinct().toList());
    }

    /** Measured time over all trials. */
    @JsonIgnore
    public long measuredMillis() {
        return trials.stream().mapToLong(Trial::measuredMillis).sum();
    }

    /** The longest warm-up of a trial. */
    @JsonIgnore
    public long warmupMillis() {
        return trials.stream().mapToLong(Trial::warmupMillis).max().orElse(0);
    }

    @JsonIgnore
    public boolean warmupHitMax() {
        return trials.stream().anyMatch(Trial::warmupHitMax);
    }

    /** Why the cell's figures may be cold-start figures ("trial 2: ..."); null when every trial was warm. */
    @JsonIgnore
    public String coldWarning() {
        List<String> out = new java.util.ArrayList<>();
        for (Trial t : trials) {
            String why = t.coldReason();
            if (why != null) out.add(trials.size() == 1 ? why : "trial " + t.trial() + ": " + why);
        }
        return out.isEmpty() ? null : String.join("; ", out);
    }
}
