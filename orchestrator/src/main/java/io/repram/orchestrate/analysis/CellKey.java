package io.repram.orchestrate.analysis;

import io.repram.orchestrate.scenario.Cell;
import io.repram.orchestrate.scenario.Scenario;
import io.repram.orchestrate.scenario.Units;
import io.repram.orchestrate.scenario.Workload;

import java.time.Duration;
import java.util.Locale;

/**
 * Everything that must be equal for two cells' figures to be comparable: the matrix point and the
 * workload settings that change what a request costs or how many are sent.
 *
 * @param ratePerSecond null for a closed loop
 */
public record CellKey(int clusterSize, int concurrency, int payloadBytes, int putPercent, Integer ratePerSecond,
                      Workload.Targets targets, Duration duration) {

    public static CellKey of(Cell cell, Scenario scenario) {
        Workload w = scenario.workload();
        return new CellKey(cell.clusterSize(), cell.concurrency(), cell.payloadBytes(), w.putPercent(),
                w.ratePerSecond(), w.targets(), scenario.duration());
    }

    /** The cell id used in file names, e.g. {@code 3nodes_25conc_1024bytes}. */
    public String cellId() {
        return clusterSize + "nodes_" + concurrency + "conc_" + payloadBytes + "bytes";
    }

    /** The workload half of the key, to explain why two cells with the same id were not compared. */
    public String workload() {
        return String.format(Locale.ROOT, "%d%% PUT, %s, targets %s, %s", putPercent,
                ratePerSecond == null ? "closed loop" : "open loop " + ratePerSecond + " req/s",
                targets.name().toLowerCase(Locale.ROOT), Units.formatDuration(duration));
    }

    @Override
    public String toString() {
        return cellId() + " (" + workload() + ")";
    }
}
