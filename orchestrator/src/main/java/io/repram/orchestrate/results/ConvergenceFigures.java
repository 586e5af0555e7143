package io.repram.orchestrate.results;

/**
 * How fast a probe write became visible on every other node during a cell's measured window: the
 * lag from sending the PUT until the last node answered the GET with the probe's bytes.
 *
 * @param probes        probe writes that a node acknowledged
 * @param failedWrites  probe writes no node accepted (the writer was unreachable or refused)
 * @param timeouts      acknowledged probes that some node had not seen after the timeout;
 *                      they are not in the percentiles
 * @param timeoutMillis how long a probe was polled for
 */
public record ConvergenceFigures(
        long probes,
        long failedWrites,
        long timeouts,
        long timeoutMillis,
        double p50Millis,
        double p99Millis,
        double maxMillis) {
}
