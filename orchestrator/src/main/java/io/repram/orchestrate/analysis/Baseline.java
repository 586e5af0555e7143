package io.repram.orchestrate.analysis;

import io.repram.orchestrate.results.RunResults;
import io.repram.orchestrate.results.CellResult;

import java.util.Comparator;
import java.util.List;

/**
 * A run's figures as a performance baseline: its best configurations and the alert thresholds
 * derived from what it observed.
 *
 * @param top               the best healthy configurations (≥ 99% success), highest throughput first
 * @param peakCpuPercent    the highest CPU % of any node (100 = one core)
 * @param peakMemoryMb      the highest memory of any node, MiB
 * @param peakSource        where the peaks were read from
 * @param averageLatencyMs  the mean latency over all healthy cells, weighted by their request counts
 * @param expectedRps       the throughput of the best configuration
 */
public record Baseline(RunResults run, List<CellResult> top, double peakCpuPercent, double peakMemoryMb,
                       String peakSource, double averageLatencyMs, double expectedRps) {

    public static final int TOP = 5;
    public static final double MIN_SUCCESS_PERCENT = 99.0;
    public static final double CPU_ALERT_SHARE = 0.80;
    public static final double MEMORY_ALERT_SHARE = 0.90;
    public static final double LATENCY_ALERT_FACTOR = 2.0;
    public static final double THROUGHPUT_ALERT_SHARE = 0.80;

    /**
     * @param monitoring samples of the monitor command, or null to use the run's own container_stats.csv
     *                   (or, without that, the per-cell peaks)
     */
    public static Baseline of(RunResults run, List<StatsSample> monitoring, String monitoringSource) {
        List<CellResult> healthy = healthy(run.cells());
        List<CellResult> top = healthy.stream()
                .sorted(Comparator.comparingDouble((CellResult r) -> r.load().requestsPerSec()).reversed())
                .limit(TOP).toList();
        List<StatsSample> stats = monitoring != null ? monitoring : StatsCsvReader.readDir(run.dir().path());
        double cpu;
        double memory;
        String source;
        if (!stats.isEmpty()) {
            cpu = stats.stream().mapToDouble(StatsSample::cpuPercent).max().orElse(0);
            memory = stats.stream().mapToDouble(StatsSample::memoryMb).max().orElse(0);
            source = monitoring != null ? monitoringSource + " (" + stats.size() + " samples)"
                    : "the run's container_stats.csv (" + stats.size() + " samples)";
        } else {
            // Schema 2 cells know their busiest node; a schema 1 cell only its cluster sum (an upper bound).
            List<CellResult> full = measuredInFull(run.cells());
            cpu = full.stream().mapToDouble(r -> r.nodePeakCpuPercent() != null ? r.nodePeakCpuPercent()
                    : r.peakCpuPercent()).max().orElse(0);
            memory = full.stream().mapToDouble(r -> (r.nodePeakMemoryBytes() != null ? r.nodePeakMemoryBytes()
                    : r.peakMemoryBytes()) / (1024.0 * 1024.0)).max().orElse(0);
            source = "the per-cell peaks in the cell files (no container_stats.csv)";
        }
        long requests = healthy.stream().mapToLong(r -> r.load().all().count()).sum();
        double latencyMs = requests == 0 ? 0 : healthy.stream()
                .mapToDouble(r -> r.load().all().meanNanos() * r.load().all().count()).sum() / requests / 1e6;
        double expected = top.isEmpty() ? 0 : top.get(0).load().requestsPerSec();
        return new Baseline(run, top, cpu, memory, source, latencyMs, expected);
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

    public double cpuAlertPercent() {
        return CPU_ALERT_SHARE * peakCpuPercent;
    }

    public double memoryAlertMb() {
        return MEMORY_ALERT_SHARE * peakMemoryMb;
    }

    public double latencyAlertMs() {
        return LATENCY_ALERT_FACTOR * averageLatencyMs;
    }

    public double throughputAlertRps() {
        return THROUGHPUT_ALERT_SHARE * expectedRps;
    }
}
