package io.repram.orchestrate.run;

import io.repram.orchestrate.live.RunMetrics;
import io.repram.orchestrate.results.CellResult;
import io.repram.orchestrate.results.IntervalRecord;
import io.repram.orchestrate.scenario.Cell;

/** {@code run --metrics-port}: keeps the {@link RunMetrics} behind the /metrics endpoint current. */
public final class MetricsListener implements RunListener {
    private final RunMetrics metrics;

    public MetricsListener(RunMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void runStarted(String runId) {
        metrics.runStarted(runId);
    }

    @Override
    public void cellStarted(Cell cell, int position, int total) {
        metrics.cellStarted(cell.id(), cell.clusterSize());
    }

    @Override
    public void live(LiveSnapshot snapshot) {
        for (LiveSnapshot.NodeLive n : snapshot.nodes()) {
            metrics.nodeAvailability(snapshot.cell().id(), snapshot.cell().clusterSize(), n.nodeId(), n.availabilityPercent());
        }
    }

    @Override
    public void interval(Cell cell, IntervalRecord record) {
        metrics.interval(cell.id(), cell.clusterSize(), record);
    }

    @Override
    public void cellFinished(CellResult result) {
        metrics.faults(result.cell().id(), result.cell().clusterSize(), result.faults());
    }
}
