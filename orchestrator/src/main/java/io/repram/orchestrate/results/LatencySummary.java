package io.repram.orchestrate.results;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/** Latency percentiles of one histogram, in nanoseconds; JSON has them as whole microseconds. */
public record LatencySummary(
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

    public static final LatencySummary EMPTY = new LatencySummary(0, 0, 0, 0, 0, 0, 0, 0);
}
