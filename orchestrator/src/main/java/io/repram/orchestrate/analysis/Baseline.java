package io.repram.orchestrate.analysis;

import io.repram.orchestrate.results.RunResults;
import io.repram.orchestrate.results.CellResult;

import java.util.Comparator;
import java.util.List;

/**
 * A run's figures as a performance baseline: its best configurations and, per cluster size, the
 * alert thresholds derived from the distributions it observed ({@link AlertThresholds}).
 *
 * @param top         the best healthy configurations (≥ 99% success), highest throughput first
 * @param alerts      per cluster size, smallest first
 * @param statsSource where the resource samples were read from
 */
public record Baseline(RunResults run, List<CellResult> top, List<AlertThresholds.SizeAlerts> alerts,
                       String statsSource) {

    public static final int TOP = 5;
    public static final double MIN_SUCCESS_PERCENT = 99.0;

    public Baseline {
        top = List.copyOf(top);
        alerts = List.copyOf(alerts);
    }

    /**
     * @param monitoring samples of the monitor command, or null to use the run's own container_stats.csv
     */
    public static Baseline of(RunResults run, List<StatsSample> monitoring, String monitoringSource) {
        List<CellResult> healthy = healthy(run.cells());
        List<CellResult> top = healthy.stream()
                .sorted(Comparator.comparingDouble((CellResult r) -> r.load().requestsPerSec()).reversed())
                .limit(TOP).toList();
        List<StatsSample> stats = monitoring != null ? monitoring : StatsCsvReader.readDir(run.dir().path());
        String source = monitoring != null ? monitoringSource + " (" + stats.size() + " samples)"
                : stats.isEmpty() ? "nowhere: the run has no container_stats.csv"
                : "the run's container_stats.csv (" + stats.size() + " samples)";
        return new Baseline(run, top, AlertThresholds.of(measuredInFull(run.cells()), healthy, stats,
                AlertThresholds.intervalsIn(run.dir().path())), source);
    }

    /**
     * Cells with at least 99% success; when none reached that, every cell, so there is still a
     * baseline. Skipped cells never count: their figures cover an unknown part of the window.
     */
    static List<CellResult> healthy(List<CellResult> cells) {
        List<CellResult> full = measuredInFull(cells);
        List<CellResult> ok = full.stream().filter(r -> r.load().successRate() >= MIN_SUCCESS_PERCENT).toList();
        return ok.isEmpty() ? full : ok;
    }

    static List<CellResult> measuredInFull(List<CellResult> cells) {
        return cells.stream().filter(CellResult::measuredInFull).toList();
    }

    /** Cells left out of the baseline because they were skipped. */
    public List<CellResult> skipped() {
        return run.cells().stream().filter(r -> !r.measuredInFull()).toList();
    }

    public boolean allCellsBelowSuccessTarget() {
        List<CellResult> full = measuredInFull(run.cells());
        return !full.isEmpty() && full.stream().allMatch(r -> r.load().successRate() < MIN_SUCCESS_PERCENT);
    }
}
