package io.repram.orchestrate.run;

import io.repram.orchestrate.results.IntervalFigures;

/**
 * The running cell's per-node load figures so far, for the live view: failed requests and the
 * share of measured intervals in which each node answered. The cell result has the exact figures.
 * A node the load sends nothing to (fewer workers than nodes) has no figures, as in the results:
 * counted, its intervals without a success would show a healthy node as 0% available.
 */
final class NodeLoadTally {

    private final long[] failures;
    private final int[] answered;
    private final int sentNodes;
    private int intervals;

    /** @param sentNodes how many nodes, from the first, the load sends to ({@code LoadSpec.sentNodes}) */
    NodeLoadTally(int nodes, int sentNodes) {
        this.failures = new long[nodes];
        this.answered = new int[nodes];
        this.sentNodes = sentNodes;
    }

    /** Counts one measured interval; one without per-node figures (agents) leaves the tally unknown. */
    void add(IntervalFigures iv) {
        if (iv.nodeSuccesses().size() != answered.length) return;
        intervals++;
        for (int n = 0; n < answered.length; n++) {
            if (iv.nodeSuccesses().get(n) > 0) answered[n]++;
            failures[n] += iv.nodeFailures().get(n);
        }
    }

    /** NaN before the first measured interval, or for a node the load does not target or send to. */
    double availabilityPercent(int node) {
        return unknown(node) ? Double.NaN : 100.0 * answered[node] / intervals;
    }

    /** -1 when unknown. */
    long failures(int node) {
        return unknown(node) ? -1 : failures[node];
    }

    private boolean unknown(int node) {
        return intervals == 0 || node >= answered.length || node >= sentNodes;
    }
}
