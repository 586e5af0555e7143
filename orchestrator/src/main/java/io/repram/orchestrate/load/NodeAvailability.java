package io.repram.orchestrate.load;

import io.repram.orchestrate.results.NodeFigures.Outage;
import java.util.ArrayList;
import java.util.List;

/**
 * Per node, in which of the measured window's intervals (about a second each) it answered at least
 * one request successfully, and the outages in between. Fed by one thread, once per interval.
 */
final class NodeAvailability {

    /**
     * Shorter intervals (the stub at the end of a run) do not count: a tenth of a second without a
     * response says nothing about a node. Their time still moves the outage clock on.
     */
    static final double MIN_INTERVAL_SECONDS = 0.5;

    private final int[] answered;
    /** Nodes 0 .. watched − 1 got a worker; the others were sent nothing and have no intervals. */
    private final int watched;
    private final List<List<Outage>> outages = new ArrayList<>();
    /** Start offset of each node's outage in progress; NaN when it answered in the latest interval. */
    private final double[] openSince;
    private final double[] openSeconds;
    private int intervals;
    private double elapsedSeconds;

    NodeAvailability(int nodes) {
        this(nodes, nodes);
    }

    /**
     * @param watched how many nodes, from node 0, the load was sent to: a node with no worker
     *                answered nothing because it was asked nothing, and must not read as down
     */
    NodeAvailability(int nodes, int watched) {
        this.watched = Math.min(nodes, watched);
        this.answered = new int[nodes];
        this.openSince = new double[nodes];
        this.openSeconds = new double[nodes];
        java.util.Arrays.fill(openSince, Double.NaN);
        for (int i = 0; i < nodes; i++) {
            outages.add(new ArrayList<>());
        }
    }

    /** One measured interval: {@code answeredNow[n]} when node n gave at least one 2xx in it. */
    void interval(boolean[] answeredNow, double seconds) {
        if (seconds >= MIN_INTERVAL_SECONDS) {
            intervals++;
            for (int n = 0; n < watched; n++) {
                if (answeredNow[n]) {
                    answered[n]++;
                    close(n);
                } else {
                    if (Double.isNaN(openSince[n])) {
                        openSince[n] = elapsedSeconds;
                        openSeconds[n] = 0;
                    }
                    openSeconds[n] += seconds;
                }
            }
        }
        elapsedSeconds += seconds;
    }

    private void close(int n) {
        if (!Double.isNaN(openSince[n])) {
            outages.get(n).add(new Outage(openSince[n], openSeconds[n]));
            openSince[n] = Double.NaN;
        }
    }

    /** The intervals counted for this node: none for a node sent nothing. */
    int intervals(int node) {
        return node < watched ? intervals : 0;
    }

    int answeredIntervals(int node) {
        return answered[node];
    }

    double availabilityPercent(int node) {
        return intervals(node) == 0 ? 100 : 100.0 * answered[node] / intervals;
    }

    /** The node's outages so far, the one still in progress included. */
    List<Outage> outages(int node) {
        List<Outage> out = new ArrayList<>(outages.get(node));
        if (!Double.isNaN(openSince[node])) {
            out.add(new Outage(openSince[node], openSeconds[node]));
        }
        return out;
    }
}
