package io.repram.orchestrate.analysis;

import java.time.Instant;

/**
 * One resource sample of one node, from either a run's container_stats.csv or a monitor
 * directory's.
 *
 * @param cellId the cell it was taken in, "idle" between cells, or null when the file does not say
 *               (monitor output)
 */
public record StatsSample(Instant timestamp, String cellId, String node, double cpuPercent, double memoryMb) {

    public static final String IDLE = "idle";

    public boolean duringCell() {
        return cellId != null && !IDLE.equals(cellId);
    }
}
