package io.repram.orchestrate.results;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One probe of a rate search: the load offered at one rate for the search's step, and what came back.
 *
 * @param phase       {@link #RAMP} (doubling), {@link #BISECT}, {@link #CONFIRM} (the found rate, again)
 *                    or {@link #STEP_DOWN} (below a confirmation that failed)
 * @param failedOn    null when the probe passed; else {@link #LATENCY}, {@link #ERRORS} or {@link #GENERATOR}
 *                    (the achieved rate fell short of the offered one while the SLO held)
 * @param why         the figures that decided, in words: "p99 34.2 ms > 20 ms"
 * @param limitedBy   the cell's limit verdict for this probe's window, when the run attributes one; null otherwise
 */
public record SearchProbe(
        int number,
        String phase,
        @JsonProperty("offered_rps") int offeredRps,
        @JsonProperty("achieved_rps") double achievedRps,
        @JsonProperty("p50_latency_us") long p50Micros,
        @JsonProperty("p99_latency_us") long p99Micros,
        double successPercent,
        boolean passed,
        String failedOn,
        String why,
        String limitedBy) {

    public static final String RAMP = "ramp";
    public static final String BISECT = "bisect";
    public static final String CONFIRM = "confirm";
    public static final String STEP_DOWN = "step_down";

    public static final String LATENCY = "latency";
    public static final String ERRORS = "errors";
    public static final String GENERATOR = "generator";

    /** Achieved as a share of offered, 0..100+. */
    public double achievedPercent() {
        return offeredRps == 0 ? 0 : 100.0 * achievedRps / offeredRps;
    }
}
