package io.repram.orchestrate.scenario;

/**
 * The scenario's {@code workload:} block. A load run ({@code load.LoadSpec}) and an agent's plan
 * ({@code load.agent.LoadPlan}) carry this record as it is, so its fields are declared here only.
 *
 * @param ratePerSecond null = closed loop (workers back to back); a number = open loop at that
 *                      constant arrival rate, latency measured from each intended start time
 */
public record Workload(int putPercent, int ttlSeconds, int keySpace, Integer ratePerSecond, Targets targets) {

    /** The same workload at another rate: an agent's share of a distributed cell's. */
    public Workload withRatePerSecond(Integer rate) {
        return new Workload(putPercent, ttlSeconds, keySpace, rate, targets);
    }

    public enum Targets {
        /** Spread requests over every node. */
        ALL,
        /** Send everything to node 0, as the old framework did. */
        FIRST
    }
}
