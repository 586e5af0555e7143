package io.repram.orchestrate.analysis;

import io.repram.orchestrate.results.CellResult;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The charts of one run, each drawn only when the run has the data for it (a line needs two
 * points): throughput against cluster size, latency against concurrency, throughput against
 * payload size, node resources over time, success rate per cell.
 */
public final class RunCharts {

    /** Charts go into this subdirectory of the results directory. */
    public static final String DIR = "charts";

    private RunCharts() {
    }

    /** Renders every chart the data allows into {@code resultsDir/charts/}, in report order. */
    public static List<ChartFile> render(Path resultsDir, List<CellResult> results, List<StatsSample> stats) {
        ChartStyle.headless();
        Path dir = resultsDir.resolve(DIR);
        List<CellResult> cells = results.stream().sorted(Comparator.comparingInt(r -> r.cell().index())).toList();
        List<ChartFile> out = new ArrayList<>();
        if (distinct(cells, r -> r.cell().clusterSize()) >= 2) {
            out.add(throughputBySize(dir, cells));
        }
        if (distinct(cells, r -> r.cell().concurrency()) >= 2) {
            out.add(latencyByConcurrency(dir, cells));
        }
        if (distinct(cells, r -> r.cell().payloadBytes()) >= 2) {
            out.add(throughputByPayload(dir, cells));
        }
        if (!stats.isEmpty()) {
            out.add(ChartWriter.write(ResourceChart.build(stats, cells), dir, "resources",
                    "CPU and memory of each node over the run; shaded bands are the cells' measured windows.",
                    ChartWriter.WIDTH, 700));
        }
        if (!cells.isEmpty()) {
            out.add(successRate(dir, cells));
        }
        return out;
    }

    private static ChartFile throughputBySize(Path dir, List<CellResult> cells) {
        int payload = smallestPayload(cells);
        XYSeriesCollection data = new XYSeriesCollection();
        group(cells.stream().filter(r -> r.cell().payloadBytes() == payload).toList(), r -> r.cell().concurrency())
                .forEach((conc, group) -> {
                    XYSeries s = new XYSeries(conc + " workers");
                    group.forEach(r -> s.add(r.cell().clusterSize(), r.load().requestsPerSec()));
                    data.addSeries(s);
                });
        JFreeChart chart = ChartStyle.lines("Throughput by cluster size", payload + "-byte values",
                "Nodes", "Requests per second", data);
        return ChartWriter.write(chart, dir, "throughput_vs_cluster_size",
                "One line per concurrency level, at the smallest payload (" + payload + " B).");
    }

    private static ChartFile latencyByConcurrency(Path dir, List<CellResult> cells) {
        int payload = smallestPayload(cells);
        XYSeriesCollection data = new XYSeriesCollection();
        group(cells.stream().filter(r -> r.cell().payloadBytes() == payload).toList(), r -> r.cell().clusterSize())
                .forEach((size, group) -> {
                    XYSeries p50 = new XYSeries(nodes(size) + " p50");
                    XYSeries p99 = new XYSeries(nodes(size) + " p99");
                    group.forEach(r -> {
                        p50.add(r.cell().concurrency(), r.load().all().p50Nanos() / 1e6);
                        p99.add(r.cell().concurrency(), r.load().all().p99Nanos() / 1e6);
                    });
                    data.addSeries(p50);
                    data.addSeries(p99);
                });
        JFreeChart chart = ChartStyle.lines("Latency by concurrency", payload + "-byte values",
                "Concurrent workers", "Latency (ms)", data);
        return ChartWriter.write(chart, dir, "latency_vs_concurrency",
                "p50 and p99 per cluster size, at the smallest payload (" + payload + " B).");
    }

    private static ChartFile throughputByPayload(Path dir, List<CellResult> cells) {
        XYSeriesCollection data = new XYSeriesCollection();
        group(cells, r -> r.cell().clusterSize()).forEach((size, group) -> {
            XYSeries s = new XYSeries(nodes(size));
            group(group, r -> r.cell().payloadBytes()).forEach((payload, same) -> s.add((double) payload,
                    same.stream().mapToDouble(r -> r.load().requestsPerSec()).max().orElse(0)));
            data.addSeries(s);
        });
        JFreeChart chart = ChartStyle.lines("Throughput by payload size", "best concurrency of each point",
                "Payload (bytes)", "Requests per second", data);
        XYPlot plot = chart.getXYPlot();
        // Payload sizes usually grow by factors (256 B .. 1 MB), so a log axis keeps points apart.
        LogAxis x = new LogAxis("Payload (bytes, log scale)");
        x.setBase(2);
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setSmallestValue(1);
        x.setNumberFormatOverride(java.text.NumberFormat.getIntegerInstance(java.util.Locale.ROOT));
        plot.setDomainAxis(x);
        return ChartWriter.write(chart, dir, "throughput_vs_payload",
                "One line per cluster size; each point is the best concurrency tried at that payload.");
    }

    private static ChartFile successRate(Path dir, List<CellResult> cells) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        double lowest = 100;
        for (CellResult r : cells) {
            data.addValue(r.load().successRate(), "success rate", r.cell().id());
            lowest = Math.min(lowest, r.load().successRate());
        }
        JFreeChart chart = ChartFactory.createBarChart("Success rate per cell", "Cell", "Successful requests (%)",
                data, PlotOrientation.VERTICAL, false, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        List<Double> rates = cells.stream().map(r -> r.load().successRate()).toList();
        // Cells below 99% success stand out in red; the rest are a calm blue.
        plot.setRenderer(new BarRenderer() {
            @Override
            public java.awt.Paint getItemPaint(int row, int column) {
                return rates.get(column) < 99.0 ? new java.awt.Color(0xD62728) : new java.awt.Color(0x1F77B4);
            }
        });
        ((BarRenderer) plot.getRenderer()).setBarPainter(new StandardBarPainter());
        ((BarRenderer) plot.getRenderer()).setShadowVisible(false);
        CategoryAxis x = plot.getDomainAxis();
        x.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        NumberAxis y = (NumberAxis) plot.getRangeAxis();
        // From 0, 99.9% and 97% look alike; start just below the worst cell so differences show.
        y.setRange(Math.max(0, Math.floor(lowest) - 1), 100.5);
        String caption = "Red: below 99% success. The axis starts at " + (int) y.getLowerBound()
                + "%, not 0, so small differences show.";
        return ChartWriter.write(ChartStyle.finish(chart, null), dir, "success_rate", caption);
    }

    static String nodes(int n) {
        return n == 1 ? "1 node" : n + " nodes";
    }

    private static int smallestPayload(List<CellResult> cells) {
        return cells.stream().mapToInt(r -> r.cell().payloadBytes()).min().orElse(0);
    }

    private static long distinct(List<CellResult> cells, Function<CellResult, Integer> key) {
        return cells.stream().map(key).distinct().count();
    }

    /** Cells grouped by {@code key}, groups and members in ascending key / run order. */
    private static Map<Integer, List<CellResult>> group(List<CellResult> cells, Function<CellResult, Integer> key) {
        return cells.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()));
    }
}
