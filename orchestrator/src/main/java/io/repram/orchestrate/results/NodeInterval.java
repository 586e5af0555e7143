package io.repram.orchestrate.results;

/**
 * One node within one interval: what the load saw of it and its latest resource sample.
 *
 * @param successes        2xx responses from the node in the interval; -1 when not recorded (load agents)
 * @param failures         failed requests to the node in the interval; -1 when not recorded
 * @param cpuPercent       latest sampled CPU use (100 = one core); NaN before the first sample
 * @param memoryBytes      latest sampled memory use; -1 before the first sample
 * @param netRxBytesPerSec received bytes per second between its last two samples; NaN when unknown
 * @param netTxBytesPerSec sent bytes per second between its last two samples; NaN when unknown
 */
public record NodeInterval(int index, String nodeId, boolean up, long successes, long failures, double cpuPercent,
                           long memoryBytes, double netRxBytesPerSec, double netTxBytesPerSec) {
}
