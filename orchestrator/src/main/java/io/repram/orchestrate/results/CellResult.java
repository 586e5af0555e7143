package io.repram.orchestrate.results;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.repram.orchestrate.scenario.Cell;

import java.util.List;

/**
 * Everything recorded for one cell of the matrix.
 *
 * @param peakCpuPercent  the cluster's peak: the highest sum over the nodes of their latest CPU samples
 *                        (100 = one core), so 3 nodes at 60% each make 180
 * @param peakMemoryBytes the cluster's peak: the highest sum of the nodes' latest memory samples
 * @param status      "ok", "skipped" or "degraded" (with {@code statusReason})
 * @param faults      faults applied during the cell and restorations after it, in time order
 * @param convergence probe propagation lag; null with one node or when the run did not measure it
 * @param audit       the acknowledged-write audit; null when the run did not perform it
 * @param agents      each distributed load agent's share; empty when the in-process generator ran
 * @param nodePeakCpuPercent  the busiest single node's peak CPU sample; null when unknown (schema 1 results)
 * @param nodePeakMemoryBytes the largest single node's peak memory sample; null when unknown
 * @param trials      each trial, how it stopped and warmed up, and req/s and p99 with 95% intervals;
 *                    null in results of versions without trials
 * @param limit       what limited the cell, with its evidence; null in results of older versions
 */
public record CellResult(
        Cell cell,
        @JsonProperty("started_epoch_ms") long startedEpochMillis,
        @JsonProperty("finished_epoch_ms") long finishedEpochMillis,
        LoadFigures load,
        @JsonProperty("cluster_peak_cpu_percent") double peakCpuPercent,
        @JsonProperty("cluster_peak_memory_bytes") long peakMemoryBytes,
        String status,
        String statusReason,
        List<FaultEvent> faults,
        ConvergenceFigures convergence,
        AuditFigures audit,
        List<AgentShare> agents,
        Double nodePeakCpuPercent,
        Long nodePeakMemoryBytes,
        TrialFigures trials,
        CellLimit limit) {

    public static final String OK = "ok";
    public static final String SKIPPED = "skipped";

    public CellResult {
        faults = faults == null ? List.of() : List.copyOf(faults);
        agents = agents == null ? List.of() : List.copyOf(agents);
    }

    /** A cell without trial figures or a limit verdict. */
    public CellResult(Cell cell, long startedEpochMillis, long finishedEpochMillis, LoadFigures load,
                      double peakCpuPercent, long peakMemoryBytes, String status, String statusReason,
                      List<FaultEvent> faults, ConvergenceFigures convergence, AuditFigures audit,
                      List<AgentShare> agents, Double nodePeakCpuPercent, Long nodePeakMemoryBytes) {
        this(cell, startedEpochMillis, finishedEpochMillis, load, peakCpuPercent, peakMemoryBytes, status,
                statusReason, faults, convergence, audit, agents, nodePeakCpuPercent, nodePeakMemoryBytes, null, null);
    }

    /** The same cell with its trial figures. */
    public CellResult withTrials(TrialFigures t) {
        return new CellResult(cell, startedEpochMillis, finishedEpochMillis, load, peakCpuPercent, peakMemoryBytes,
                status, statusReason, faults, convergence, audit, agents, nodePeakCpuPercent, nodePeakMemoryBytes, t,
                limit);
    }

    /** This result with its limit verdict. */
    public CellResult withLimit(CellLimit verdict) {
        return new CellResult(cell, startedEpochMillis, finishedEpochMillis, load, peakCpuPercent, peakMemoryBytes,
                status, statusReason, faults, convergence, audit, agents, nodePeakCpuPercent, nodePeakMemoryBytes,
                trials, verdict);
    }

    /** A cell without per-node resource peaks. */
    public CellResult(Cell cell, long startedEpochMillis, long finishedEpochMillis, LoadFigures load,
                      double peakCpuPercent, long peakMemoryBytes, String status, String statusReason,
                      List<FaultEvent> faults, ConvergenceFigures convergence, AuditFigures audit,
                      List<AgentShare> agents) {
        this(cell, startedEpochMillis, finishedEpochMillis, load, peakCpuPercent, peakMemoryBytes, status,
                statusReason, faults, convergence, audit, agents, null, null);
    }

    /**
     * Whether the cell's figures may be ranked against other cells: a cell the user skipped stopped
     * part-way, so its counts cover an unknown share of the window. Degraded cells ran their whole
     * window and stay comparable (their degradation is what a ranking should show).
     */
    public boolean measuredInFull() {
        return !SKIPPED.equals(status);
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
                statusReason, List.of(), null, null, List.of(), null, null, null, null);
    }
}
