package io.repram.orchestrate.monitor;

/**
 * The cluster's health as one number in 0..1: the share of the expected nodes that answer, times
 * the share of the interval's requests that did not fail (5xx, 429). 1.0 means every expected node
 * is UP and served every request; a node DOWN in a 3-node cluster gives at most 0.667.
 */
public final class HealthScore {
    private HealthScore() {
    }

    /**
     * @param upNodes       nodes that answered their latest poll
     * @param expectedNodes nodes that should be there ({@code --cluster-size}); more UP nodes than
     *                      expected count as all expected
     * @param requests      requests in the interval, -1 when unknown
     * @param failed        failed requests in the interval, -1 when unknown
     */
    public static double of(int upNodes, int expectedNodes, long requests, long failed) {
        if (expectedNodes <= 0) return 0;
        double availability = (double) Math.min(Math.max(upNodes, 0), expectedNodes) / expectedNodes;
        double served = requests > 0 && failed >= 0 ? 1.0 - (double) Math.min(failed, requests) / requests : 1.0;
        return availability * served;
    }
}
