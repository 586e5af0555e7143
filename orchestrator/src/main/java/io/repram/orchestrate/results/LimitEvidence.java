package io.repram.orchestrate.results;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The figures a cell's limit verdict is judged from, all over the cell's measured window. A null
 * figure was not measured (e.g. no throttling counters on the process driver, no GC metric in the
 * node image); the verdict then says "unknown" for it rather than guessing.
 *
 * @param windowSeconds               length of the window the figures cover
 * @param hostCpuPercent              the whole machine's CPU busy (all processes, /proc/stat), % of all cores
 * @param hostCores                   CPUs /proc/stat listed
 * @param generatorThreads            the in-process generator's I/O threads; 0 with distributed agents
 * @param generatorCpuPercent         those threads' own CPU time, % of the cores they can use (one each)
 * @param generatorProcessCpuPercent  the orchestrator JVM's whole CPU, 100 = one core
 * @param offeredRequestsPerSec       the open-loop rate asked for; null for a closed loop
 * @param sendSlipP99Micros           p99 of how late the generator sent requests due on a free connection
 * @param sendSlipMaxMicros           the latest such send
 * @param saturatedAgents             distributed agents that flagged themselves saturated
 * @param agentReason                 the first such agent's reason, or null
 * @param nodeCpuLimitCores           the scenario's {@code node.cpus}, or null when unlimited
 * @param nodeThrottledPercent        the most throttled node's throttled CFS periods, % of its periods
 * @param nodeThrottledMicros         that node's time spent throttled
 * @param throttledNode               that node's index
 * @param gcPausePercent              the node with most GC pause time: its pause time, % of the window
 * @param gcPauseMicros               that node's pause time
 * @param gcNode                      that node's index
 * @param errorPercent                failed requests, % of all
 * @param worstNode                   the node with the lowest availability, or null without per-node figures
 * @param worstNodeAvailabilityPercent its availability
 * @param worstNodeFailurePercent     its failed requests, % of the requests sent to it; null without per-node figures
 *                                    or when none was sent
 * @param worstNodeLongestOutageSeconds its longest run of intervals without a 2xx (0 without one)
 * @param requestsPerSec              the cell's throughput
 * @param p99Micros                   the cell's p99 latency
 * @param previousConcurrency         the previous step of the same cluster size and payload (lower
 *                                    concurrency), or null when this is the first
 * @param previousRequestsPerSec      that step's throughput
 * @param previousP99Micros           that step's p99 latency
 */
public record LimitEvidence(
        double windowSeconds,
        Double hostCpuPercent,
        int hostCores,
        int generatorThreads,
        Double generatorCpuPercent,
        Double generatorProcessCpuPercent,
        Double offeredRequestsPerSec,
        @JsonProperty("send_slip_p99_us") Long sendSlipP99Micros,
        @JsonProperty("send_slip_max_us") Long sendSlipMaxMicros,
        int saturatedAgents,
        String agentReason,
        Double nodeCpuLimitCores,
        Double nodeThrottledPercent,
        @JsonProperty("node_throttled_us") Long nodeThrottledMicros,
        Integer throttledNode,
        Double gcPausePercent,
        @JsonProperty("gc_pause_us") Long gcPauseMicros,
        Integer gcNode,
        double errorPercent,
        Integer worstNode,
        Double worstNodeAvailabilityPercent,
        Double worstNodeFailurePercent,
        Double worstNodeLongestOutageSeconds,
        double requestsPerSec,
        @JsonProperty("p99_us") long p99Micros,
        Integer previousConcurrency,
        Double previousRequestsPerSec,
        @JsonProperty("previous_p99_us") Long previousP99Micros) {

    /** This evidence with the previous step of the same cluster size and payload. */
    public LimitEvidence withPrevious(int concurrency, double requestsPerSec, long p99Micros) {
        return new LimitEvidence(windowSeconds, hostCpuPercent, hostCores, generatorThreads, generatorCpuPercent,
                generatorProcessCpuPercent, offeredRequestsPerSec, sendSlipP99Micros, sendSlipMaxMicros,
                saturatedAgents, agentReason, nodeCpuLimitCores, nodeThrottledPercent, nodeThrottledMicros,
                throttledNode, gcPausePercent, gcPauseMicros, gcNode, errorPercent, worstNode,
                worstNodeAvailabilityPercent, worstNodeFailurePercent, worstNodeLongestOutageSeconds,
                this.requestsPerSec, this.p99Micros, concurrency, requestsPerSec, p99Micros);
    }
}
