package io.repram.orchestrate.load.agent;

import io.repram.orchestrate.engine.AgentEndpoint;
import io.repram.orchestrate.results.AgentShare;
import io.repram.orchestrate.results.LimitThresholds;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Each agent's share of a cell and whether it was saturated. An agent counts as saturated when
 * <ul>
 *   <li>its process CPU over the measured window averaged at least 90%
 *       of the cores it may use (its limit, or the machine's cores when unlimited), or</li>
 *   <li>the 99th percentile of its send slip exceeded 10,000 µs: more than
 *       1% of its requests left over 10 ms after they could have (see
 *       {@link io.repram.orchestrate.load.IntervalDetail#sendSlip()}); a slow server does not count.</li>
 * </ul>
 */
final class AgentShares {

    // The bounds live with every other limit verdict's, in LimitThresholds.
    static final double CPU_SATURATION_PERCENT = LimitThresholds.AGENT_CPU_PERCENT;
    static final long SLIP_P99_LIMIT_MICROS = LimitThresholds.SEND_SLIP_P99_MICROS;

    private AgentShares() {
    }

    /**
     * @param cores the cores each agent reported (used when its endpoint has no CPU limit)
     */
    static List<AgentShare> of(List<AgentEndpoint> endpoints, List<LoadPlan> plans, List<Integer> cores,
                               IntervalMerger merger) {
        long total = merger.agents().stream().mapToLong(a -> a.requests).sum();
        List<AgentShare> shares = new ArrayList<>();
        for (int i = 0; i < endpoints.size(); i++) {
            AgentEndpoint e = endpoints.get(i);
            IntervalMerger.AgentTotals a = merger.agents().get(i);
            double limitCores = e.cpuLimit() != null ? e.cpuLimit() : cores.get(i);
            double avgCpu = a.seconds <= 0 ? 0 : 100.0 * a.cpuSeconds / a.seconds;
            long p99Slip = a.sendSlip.getTotalCount() == 0 ? 0 : a.sendSlip.getValueAtPercentile(99) / 1000;
            List<String> reasons = new ArrayList<>();
            if (avgCpu >= CPU_SATURATION_PERCENT / 100.0 * limitCores * 100) {
                reasons.add(String.format(Locale.ROOT, "CPU averaged %.0f%% of %.1f core(s) (limit %s)", avgCpu,
                        limitCores, e.cpuLimit() != null ? "set" : "= machine"));
            }
            if (p99Slip > SLIP_P99_LIMIT_MICROS) {
                reasons.add(String.format(Locale.ROOT, "p99 send slip %.1f ms > %.0f ms (requests left late)",
                        p99Slip / 1000.0, SLIP_P99_LIMIT_MICROS / 1000.0));
            }
            LoadPlan plan = plans.get(i);
            shares.add(new AgentShare(e.index(), e.id(), e.placement(), a.requests,
                    a.seconds <= 0 ? 0 : a.requests / a.seconds, total == 0 ? 0 : 100.0 * a.requests / total,
                    plan.concurrency(), plan.workload().ratePerSecond(), avgCpu, a.peakCpuPercent, limitCores, p99Slip,
                    a.maxSendSlipMicros, !reasons.isEmpty(), reasons.isEmpty() ? null : String.join("; ", reasons)));
        }
        return shares;
    }
}
