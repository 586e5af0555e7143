package io.repram.orchestrate.results;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/**
 * How fast a probe write became visible on every other node during a cell's measured window: the
 * lag from sending the PUT until the last node answered the GET with the probe's bytes.
 *
 * @param probes        probe writes that a node acknowledged
 * @param failedWrites  probe writes no node accepted (the writer was unreachable or refused)
 * @param timeouts      acknowledged probes that some node had not seen after the timeout;
 *                      they are not in the percentiles
 * @param timeoutMillis how long a probe was polled for
 * @param p50Millis     the lags in milliseconds; JSON has them as whole microseconds ({@code p50_us})
 */
public record ConvergenceFigures(
        long probes,
        long failedWrites,
        long timeouts,
        @JsonProperty("timeout_ms") long timeoutMillis,
        @JsonProperty("p50_us") @JsonSerialize(using = Micros.MillisOut.class)
        @JsonDeserialize(using = Micros.MillisDoubleIn.class) double p50Millis,
        @JsonProperty("p99_us") @JsonSerialize(using = Micros.MillisOut.class)
        @JsonDeserialize(using = Micros.MillisDoubleIn.class) double p99Millis,
        @JsonProperty("max_us") @JsonSerialize(using = Micros.MillisOut.class)
        @JsonDeserialize(using = Micros.MillisDoubleIn.class) double maxMillis) {
}
