package io.repram.orchestrate.results;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One distributed load agent's part of a cell's measured window.
 *
 * @param placement            where it ran, e.g. "local process 4711" or "swarm node vm (task x.1)"
 * @param requests             requests it completed or failed in the measured window
 * @param sharePercent         its share of all agents' requests, 0..100
 * @param concurrency          its connections
 * @param offeredRatePerSecond its arrival rate (open loop), or null for a closed loop
 * @param avgCpuPercent        its process CPU over the measured window, 100 = one core
 * @param peakCpuPercent       its busiest one-second interval
 * @param cpuLimitCores        the cores it may use: its limit, or the machine's cores when unlimited
 * @param p99SendSlipMicros    99th percentile of how late it sent requests that were due on a free
 *                             connection (its own lag, not the server's)
 * @param saturated            whether its figures say more about the agent than about the cluster
 * @param saturationReason     why, or null when not saturated
 */
public record AgentShare(
        int index,
        String id,
        String placement,
        long requests,
        double requestsPerSec,
        double sharePercent,
        int concurrency,
        @JsonProperty("offered_requests_per_sec") Integer offeredRatePerSecond,
        double avgCpuPercent,
        double peakCpuPercent,
        double cpuLimitCores,
        @JsonProperty("p99_send_slip_us") long p99SendSlipMicros,
        @JsonProperty("max_send_slip_us") long maxSendSlipMicros,
        boolean saturated,
        String saturationReason) {

    /** One line for the event log and the report. */
    public String warning() {
        return "Load agent " + index + " (" + id + ", " + placement + ") was saturated: " + saturationReason
                + "; its share of the load may be below what was asked, add agents or give them more CPU";
    }
}
