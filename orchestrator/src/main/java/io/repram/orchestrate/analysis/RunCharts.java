package io.repram.orchestrate.analysis;

import io.repram.orchestrate.results.CellResult;
import io.repram.orchestrate.results.IntervalRecord;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The charts of one run, each drawn only when the run has the data for it (a line needs two
 * points). Across the matrix: throughput against cluster size, latency against concurrency,
 * throughput and p99 against concurrency, throughput against payload size, node resources over
 * time, success rate per cell. Per cell, from its saved per-interval files: rate and latency over
 * time, and the latency percentile spectrum. Everything is read from the results directory, so
 * `report DIR` draws the same charts as the run did.
 */
public final class RunCharts {

    /** Charts go into this subdirectory of the results directory. */
    public static final String DIR = "charts";
    static final int CELL_WIDTH = 900;
    static final int OVER_TIME_HEIGHT = 560;
    static final int SPECTRUM_HEIGHT = 450;

    /**
     * @param run    the charts across the matrix, in report order
     * @param byCell each cell's charts, by cell id in run order; cells without per-interval files have none
     */
    public record Rendered(List<ChartFile> run, Map<String, List<ChartFile>> byCell) {

        public Rendered {
            run = List.copyOf(run);
            byCell = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byCell));
        }

        public boolean isEmpty() {
            return run.isEmpty() && byCell.isEmpty();
        }
    }

    private RunCharts() {
    }

    /** Renders every chart the data allows into {@code resultsDir/charts/}. */
    public static Rendered render(Path resultsDir, List<CellResult> results, List<StatsSample> stats, Duration warmup) {
        ChartStyle.headless();
        Path dir = resultsDir.resolve(DIR);
        List<CellResult> cells = results.stream().sorted(Comparator.comparingInt(r -> r.cell().index())).toList();
        int payload = MatrixCharts.smallestPayload(cells);
        String atPayload = " at the smallest payload (" + payload + " B).";
        List<ChartFile> out = new ArrayList<>();
        if (distinct(cells, r -> r.cell().clusterSize()) >= 2) {
            out.add(ChartWriter.write(MatrixCharts.throughputBySize(cells, payload), dir, "throughput_vs_cluster_size",
                    "One line per concurrency level," + atPayload));
        }
        if (distinct(cells, r -> r.cell().concurrency()) >= 2) {
            out.add(ChartWriter.write(MatrixCharts.throughputAndP99ByConcurrency(cells, payload), dir,
                    "throughput_p99_vs_concurrency", "One colour per cluster size; p99 on a log axis," + atPayload));
            out.add(ChartWriter.write(MatrixCharts.latencyByConcurrency(cells, payload), dir, "latency_vs_concurrency",
                    "p50 (solid) and p99 (dashed) per cluster size, log axis," + atPayload));
        }
        if (distinct(cells, r -> r.cell().payloadBytes()) >= 2) {
            out.add(ChartWriter.write(MatrixCharts.throughputByPayload(cells), dir, "throughput_vs_payload",
                    "One line per cluster size; each point is the best concurrency tried at that payload."));
        }
        if (!stats.isEmpty()) {
            out.add(ChartWriter.write(ResourceChart.build(stats, cells), dir, "resources",
                    "CPU and memory of each node over the run; shaded bands are the cells' measured windows. "
                            + "A line breaks where its cluster was replaced.",
                    ChartWriter.WIDTH, 700));
        }
        if (!cells.isEmpty()) {
            var success = MatrixCharts.successRate(cells);
            int from = (int) success.getCategoryPlot().getRangeAxis().getLowerBound();
            out.add(ChartWriter.write(success, dir, "success_rate",
                    "Red: below 99% success. The axis runs from " + from + "% to 100%, not from 0, so small "
                            + "differences show."));
        }
        Map<String, List<ChartFile>> byCell = new LinkedHashMap<>();
        for (CellResult r : cells) {
            List<ChartFile> charts = cellCharts(resultsDir, dir, r, warmup);
            if (!charts.isEmpty()) byCell.put(r.cell().id(), charts);
        }
        return new Rendered(out, byCell);
    }

    private static List<ChartFile> cellCharts(Path resultsDir, Path dir, CellResult r, Duration warmup) {
        String id = r.cell().id();
        List<ChartFile> out = new ArrayList<>();
        List<IntervalRecord> intervals = IntervalCsvReader.readCell(resultsDir, id);
        if (!intervals.isEmpty()) {
            out.add(ChartWriter.write(CellCharts.overTime(r, intervals, warmup), dir, id + "_over_time",
                    "Per second, from " + id + "_intervals.csv. "
                            + (warmup.isZero() ? "" : "Grey: the warm-up, before the measured window (not recorded). ")
                            + (r.faults().isEmpty() ? "" : "Red lines: the scenario's faults. ")
                            + "Solid: p50, dashed: p99.", CELL_WIDTH, OVER_TIME_HEIGHT));
        }
        Optional<CellHistograms> histograms = CellHistograms.readCell(resultsDir, id);
        if (histograms.isPresent() && histograms.get().put().getTotalCount() + histograms.get().get().getTotalCount() > 0) {
            out.add(ChartWriter.write(CellCharts.spectrum(r, histograms.get()), dir, id + "_percentiles",
                    "From " + id + ".hlog. The x axis is 1/(1-p) on a log scale, as HdrHistogram plots it, so "
                            + "each added nine gets the same width.", CELL_WIDTH, SPECTRUM_HEIGHT));
        }
        return out;
    }

    static String nodes(int n) {
        return n == 1 ? "1 node" : n + " nodes";
    }

    private static long distinct(List<CellResult> cells, Function<CellResult, Integer> key) {
        return cells.stream().map(key).distinct().count();
    }
}
