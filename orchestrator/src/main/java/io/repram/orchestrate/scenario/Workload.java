package io.repram.orchestrate.scenario;

/**
 * @param ratePerSecond null = closed loop (workers back to back); a number = open loop at that
 *                      constant arrival rate, latency measured from each intended start time
 */
public record Workload(int putPercent, int ttlSeconds, int keySpace, Integer ratePerSecond, Targets targets) {

    public enum Targets {
        /** Spread requests over every node. */
        ALL,
        /** Send everything to node 0, as the old framework did. */
        FIRST
    }
}
