package io.repram.orchestrate.result;

import io.repram.orchestrate.scenario.Cell;

/**
 * Everything recorded for one cell of the matrix.
 *
 * @param status "ok" or "degraded" (with {@code statusReason})
 */
public record CellResult(
        Cell cell,
        long startedEpochMillis,
        long finishedEpochMillis,
        LoadFigures load,
        double peakCpuPercent,
        long peakMemoryBytes,
        String status,
        String statusReason) {
}
