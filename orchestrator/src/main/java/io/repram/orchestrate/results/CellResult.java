package io.repram.orchestrate.results;

import io.repram.orchestrate.scenario.Cell;

import java.util.List;

/**
 * Everything recorded for one cell of the matrix.
 *
 * @param status      "ok", "skipped" or "degraded" (with {@code statusReason})
 * @param faults      faults applied during the cell and restorations after it, in time order
 * @param convergence probe propagation lag; null with one node or when the run did not measure it
 * @param audit       the acknowledged-write audit; null when the run did not perform it
 * @param agents      each distributed load agent's share; empty when the in-process generator ran
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
        AuditFigures audit,
        List<AgentShare> agents) {

    public CellResult {
        faults = faults == null ? List.of() : List.copyOf(faults);
        agents = agents == null ? List.of() : List.copyOf(agents);
    }

    /** A cell measured by the in-process load generator. */
    public CellResult(Cell cell, long startedEpochMillis, long finishedEpochMillis, LoadFigures load,
                      double peakCpuPercent, long peakMemoryBytes, String status, String statusReason,
                      List<FaultEvent> faults, ConvergenceFigures convergence, AuditFigures audit) {
        this(cell, startedEpochMillis, finishedEpochMillis, load, peakCpuPercent, peakMemoryBytes, status,
                statusReason, faults, convergence, audit, List.of());
    }

    /** The agents that were saturated, for warnings. */
    public List<AgentShare> saturatedAgents() {
        return agents.stream().filter(AgentShare::saturated).toList();
    }

    /** A cell without fault, convergence or audit figures (results of older versions, tests). */
    public CellResult(Cell cell, long startedEpochMillis, long finishedEpochMillis, LoadFigures load,
                      double peakCpuPercent, long peakMemoryBytes, String status, String statusReason) {
        this(cell, startedEpochMillis, finishedEpochMillis, load, peakCpuPercent, peakMemoryBytes, status,
                statusReason, List.of(), null, null, List.of());
    }
}
