package io.repram.dashboard.model;

import java.util.Objects;

/**
 * One line of the node table, already reduced to rates and totals by the orchestrator.
 *
 * <p>Figures that could not be measured for a node (for example CPU of a node given by {@code --url}
 * that runs outside Docker, or the item count of an upstream node without a metrics endpoint) are
 * passed as {@link Double#NaN} for doubles and {@link #UNKNOWN} for longs; the table shows them as
 * "-" instead of a misleading zero.
 *
 * @param node              display name, e.g. "node-1"
 * @param up                whether the node answered its latest health check
 * @param cpuPercent        CPU use in percent of one core (Docker's convention, may exceed 100)
 * @param memoryBytes       resident memory
 * @param netRxBytesPerSec  bytes received per second over the latest sample interval
 * @param netTxBytesPerSec  bytes sent per second over the latest sample interval
 * @param requests          requests the node has served since it started
 * @param itemsStored       items the node currently holds
 * @param loadErrors        failed requests the load sent this node in the running cell
 * @param availabilityPercent share of the running cell's measured 1-second intervals in which the
 *                          node answered the load at least once successfully
 */
public record NodeRow(
        String node,
        boolean up,
        double cpuPercent,
        long memoryBytes,
        long netRxBytesPerSec,
        long netTxBytesPerSec,
        long requests,
        long itemsStored,
        long loadErrors,
        double availabilityPercent) {

    /** Marks a long figure that was not measured. */
    public static final long UNKNOWN = -1;

    public NodeRow {
        Objects.requireNonNull(node, "node");
    }

    /** A rate as a whole number per second, or {@link #UNKNOWN} for NaN (a rate that was not measured). */
    public static long rate(double perSecond) {
        return Double.isNaN(perSecond) ? UNKNOWN : (long) perSecond;
    }

    /** A row without the load's per-node figures (monitoring a cluster nobody loads). */
    public NodeRow(String node, boolean up, double cpuPercent, long memoryBytes, long netRxBytesPerSec,
                   long netTxBytesPerSec, long requests, long itemsStored) {
        this(node, up, cpuPercent, memoryBytes, netRxBytesPerSec, netTxBytesPerSec, requests, itemsStored, UNKNOWN,
                Double.NaN);
    }

    /** A node that is known by name only, e.g. before its first stats sample or after it died. */
    public static NodeRow unmeasured(String node, boolean up) {
        return new NodeRow(node, up, Double.NaN, UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN);
    }
}
