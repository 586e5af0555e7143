package io.repram.orchestrate.result;

import io.repram.orchestrate.scenario.Cell;

import java.util.List;

/**
 * Everything recorded for one cell of the matrix.
 *
 * @param status      "ok", "skipped" or "degraded" (with {@code statusReason})
 * @param faults      faults applied during the cell and restorations after it, in time order
 * @param convergence probe propagation lag; null with one node or when the run did not measure it
 * @param audit       the acknowledged-write audit; null when the run did not perform it
 */
public record CellResult(
        Cell cell,
        long startedEpochMillis,
        long finishedEpochMillis,
        LoadFigures load,
        double peakCpuPercent,
        long peakMemoryBytes,
        String status,
        String statusReason,
        List<FaultEvent> faults,
        ConvergenceFigures convergence,
        AuditFigures audit) {

    public CellResult {
        faults = faults == null ? List.of() : List.copyOf(faults);
    }

    /** A cell without fault, convergence or audit figures (results of older versions, tests). */
    public CellResult(Cell cell, long startedEpochMillis, long finishedEpochMillis, LoadFigures load,
                      double peakCpuPercent, long peakMemoryBytes, String status, String statusReason) {
        this(cell, startedEpochMillis, finishedEpochMillis, load, peakCpuPercent, peakMemoryBytes, status,
                statusReason, List.of(), null, null);
    }
}
