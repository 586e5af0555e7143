package io.repram.orchestrate.results;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/**
 * The results-schema names of records that also travel on the load agents' wire
 * ({@code load.agent.AgentWire.Result} carries a {@link LoadFigures}). Annotations on the records
 * themselves would rename and round the agent's reports too (an agent and a runner of different
 * versions would then disagree, and µs rounding would lose the exact nanoseconds the histograms
 * merge from), so these live here and only {@link ResultsJson}'s mapper applies them.
 *
 * <p>A record mix-in lends its component annotations to the target's field, accessor and
 * canonical constructor parameter alike, so the components must match the target's exactly.
 */
final class ResultsMixIns {

    private ResultsMixIns() {
    }

    /** {@link LatencySummary}: nanoseconds in memory, whole microseconds in the files. */
    record LatencySummaryNames(
            long count,
            @JsonProperty("mean_us") @JsonSerialize(using = Micros.NanosOut.class)
            @JsonDeserialize(using = Micros.NanosDoubleIn.class) double meanNanos,
            @JsonProperty("min_us") @JsonSerialize(using = Micros.NanosOut.class)
            @JsonDeserialize(using = Micros.NanosLongIn.class) long minNanos,
            @JsonProperty("p50_us") @JsonSerialize(using = Micros.NanosOut.class)
            @JsonDeserialize(using = Micros.NanosLongIn.class) long p50Nanos,
            @JsonProperty("p90_us") @JsonSerialize(using = Micros.NanosOut.class)
            @JsonDeserialize(using = Micros.NanosLongIn.class) long p90Nanos,
            @JsonProperty("p99_us") @JsonSerialize(using = Micros.NanosOut.class)
            @JsonDeserialize(using = Micros.NanosLongIn.class) long p99Nanos,
            @JsonProperty("p999_us") @JsonSerialize(using = Micros.NanosOut.class)
            @JsonDeserialize(using = Micros.NanosLongIn.class) long p999Nanos,
            @JsonProperty("max_us") @JsonSerialize(using = Micros.NanosOut.class)
            @JsonDeserialize(using = Micros.NanosLongIn.class) long maxNanos) {
    }

    /**
     * {@link LoadFigures}' derived rates, written for readers of the file and ignored when it is
     * read back. Named explicitly: left to bean naming, {@code getsPerSec()} reads as a getter of
     * {@code sPerSec} (schema 1's {@code "s_per_sec"}). The order is fixed: reflection lists
     * methods in no particular order, and a golden file needs one.
     */
    @JsonPropertyOrder({"requests", "successes", "failures", "puts", "gets", "elapsed_seconds", "all", "put", "get",
            "errors_by_class", "nodes", "requests_per_sec", "puts_per_sec", "gets_per_sec", "success_percent"})
    abstract static class LoadFiguresNames {
        @JsonProperty(value = "requests_per_sec", access = JsonProperty.Access.READ_ONLY)
        abstract double requestsPerSec();

        @JsonProperty(value = "puts_per_sec", access = JsonProperty.Access.READ_ONLY)
        abstract double putsPerSec();

        @JsonProperty(value = "gets_per_sec", access = JsonProperty.Access.READ_ONLY)
        abstract double getsPerSec();

        @JsonProperty(value = "success_percent", access = JsonProperty.Access.READ_ONLY)
        abstract double successRate();
    }

    /** {@link NodeFigures.Outage}: a bare {@code seconds} does not say what it measures. */
    record OutageNames(double startSeconds, @JsonProperty("length_seconds") double seconds) {
    }
}
