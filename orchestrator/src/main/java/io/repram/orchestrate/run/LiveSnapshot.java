package io.repram.orchestrate.run;

import io.repram.orchestrate.engine.NodeStatsSample;
import io.repram.orchestrate.results.IntervalFigures;
import io.repram.orchestrate.scenario.Cell;

import java.util.List;

/**
 * The per-second picture of a running cell: the latest load interval, the latest resource sample
 * and status of each node, and where the run is in its matrix.
 *
 * @param cellPosition      1-based position of the running cell
 * @param cellElapsedMillis time since the cell (including warm-up) started
 * @param runElapsedMillis  time since the run started
 * @param remainingMillis   estimate of the time left in the whole run
 * @param progressFraction  share of the matrix done, 0..1
 */
public record LiveSnapshot(
        Cell cell,
        int cellPosition,
        int cellCount,
        long cellElapsedMillis,
        long runElapsedMillis,
        long remainingMillis,
        double progressFraction,
        IntervalFigures interval,
        long cellRequests,
        long cellSuccesses,
        List<NodeLive> nodes) {

    public LiveSnapshot {
        nodes = List.copyOf(nodes);
    }

    /**
     * @param stats         latest resource sample, or null before the first one
     * @param requests      requests the node has served, from its own /v1/metrics or /v1/status (-1 unknown)
     * @param itemsStored   items in the node's store (-1 unknown)
     * @param loadFailures  failed requests the load sent the node in this cell so far (-1 unknown)
     * @param availabilityPercent share of this cell's measured intervals so far in which the node
     *                      answered the load successfully (NaN unknown)
     */
    public record NodeLive(int index, String nodeId, boolean up, NodeStatsSample stats,
                           double netRxBytesPerSec, double netTxBytesPerSec,
                           long requests, long itemsStored, long loadFailures, double availabilityPercent) {
    }
}
