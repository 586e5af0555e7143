package io.repram.orchestrate.analysis;

import io.repram.orchestrate.results.CellResult;
import io.repram.orchestrate.results.LatencySummary;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.general.DatasetUtils;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.Color;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * The charts across the matrix, as JFreeChart objects (RunCharts writes them). A cluster size has
 * one colour in all of them; p50 is solid and p99 dashed in that colour; latency is on a log axis;
 * the cluster-size and concurrency axes are ticked only at values the run measured.
 */
final class MatrixCharts {

    static final Color BELOW_99 = new Color(0xD62728);
    static final Color AT_LEAST_99 = new Color(0x1F77B4);

    private MatrixCharts() {
    }

    /** One line per concurrency level, at {@code payload}. */
    static JFreeChart throughputBySize(List<CellResult> cells, int payload) {
        List<CellResult> same = atPayload(cells, payload);
        XYSeriesCollection data = new XYSeriesCollection();
        group(same, r -> r.cell().concurrency()).forEach((conc, group) -> {
            XYSeries s = new XYSeries(conc + " workers");
            group.forEach(r -> s.add(r.cell().clusterSize(), r.load().requestsPerSec()));
            data.addSeries(s);
        });
        XYPlot plot = linePlot(data, new MeasuredAxis("Nodes", values(same, r -> r.cell().clusterSize())),
                rateAxis());
        for (int i = 0; i < data.getSeriesCount(); i++) renderer(plot).setSeriesPaint(i, ChartStyle.colour(i));
        return chart("Throughput by cluster size", payload + "-byte values", plot);
    }

    /** p50 (solid) and p99 (dashed) per cluster size, at {@code payload}. */
    static JFreeChart latencyByConcurrency(List<CellResult> cells, int payload) {
        List<CellResult> same = atPayload(cells, payload);
        List<Integer> sizes = values(cells, r -> r.cell().clusterSize());
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, true);
        group(same, r -> r.cell().clusterSize()).forEach((size, group) -> {
            Color colour = ChartStyle.colour(sizes.indexOf(size));
            data.addSeries(latency(RunCharts.nodes(size) + " p50", group, LatencySummary::p50Nanos));
            lines.setSeriesPaint(data.getSeriesCount() - 1, colour);
            lines.setSeriesStroke(data.getSeriesCount() - 1, ChartStyle.SOLID);
            data.addSeries(latency(RunCharts.nodes(size) + " p99", group, LatencySummary::p99Nanos));
            lines.setSeriesPaint(data.getSeriesCount() - 1, colour);
            lines.setSeriesStroke(data.getSeriesCount() - 1, ChartStyle.DASHED);
        });
        LatencyAxis y = new LatencyAxis("Latency (ms, log scale)");
        y.fit(DatasetUtils.findRangeBounds(data));
        XYPlot plot = new XYPlot(data, new MeasuredAxis("Concurrent workers", values(same, r -> r.cell().concurrency())),
                y, lines);
        return chart("Latency by concurrency", payload + "-byte values; solid: p50, dashed: p99", plot);
    }

    /** Throughput (top) and p99 (bottom, dashed, log axis) by concurrency, one line per cluster size, at {@code payload}. */
    static JFreeChart throughputAndP99ByConcurrency(List<CellResult> cells, int payload) {
        List<CellResult> same = atPayload(cells, payload);
        List<Integer> sizes = values(cells, r -> r.cell().clusterSize());
        XYSeriesCollection rates = new XYSeriesCollection();
        XYSeriesCollection p99 = new XYSeriesCollection();
        XYLineAndShapeRenderer rateLines = new XYLineAndShapeRenderer(true, true);
        XYLineAndShapeRenderer p99Lines = new XYLineAndShapeRenderer(true, true);
        // The legend names each size once, from the top panel; the colours tie the panels together.
        p99Lines.setDefaultSeriesVisibleInLegend(false);
        group(same, r -> r.cell().clusterSize()).forEach((size, group) -> {
            XYSeries s = new XYSeries(RunCharts.nodes(size));
            group.forEach(r -> s.add(r.cell().concurrency(), r.load().requestsPerSec()));
            rates.addSeries(s);
            p99.addSeries(latency(RunCharts.nodes(size) + " p99", group, LatencySummary::p99Nanos));
            int i = rates.getSeriesCount() - 1;
            Color colour = ChartStyle.colour(sizes.indexOf(size));
            rateLines.setSeriesPaint(i, colour);
            rateLines.setSeriesStroke(i, ChartStyle.SOLID);
            p99Lines.setSeriesPaint(i, colour);
            p99Lines.setSeriesStroke(i, ChartStyle.DASHED);
        });
        LatencyAxis y = new LatencyAxis("p99 latency (ms, log scale)");
        y.fit(DatasetUtils.findRangeBounds(p99));
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(
                new MeasuredAxis("Concurrent workers", values(same, r -> r.cell().concurrency())));
        plot.setGap(10);
        plot.add(grid(new XYPlot(rates, null, rateAxis(), rateLines)), 1);
        plot.add(grid(new XYPlot(p99, null, y, p99Lines)), 1);
        JFreeChart chart = new JFreeChart("Throughput and p99 by concurrency", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        return ChartStyle.finish(chart, payload + "-byte values; one line per cluster size");
    }

    /** One line per cluster size; each point is the best concurrency tried at that payload. */
    static JFreeChart throughputByPayload(List<CellResult> cells) {
        List<Integer> sizes = values(cells, r -> r.cell().clusterSize());
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, true);
        group(cells, r -> r.cell().clusterSize()).forEach((size, group) -> {
            XYSeries s = new XYSeries(RunCharts.nodes(size));
            group(group, r -> r.cell().payloadBytes()).forEach((payload, same) -> s.add((double) payload,
                    same.stream().mapToDouble(r -> r.load().requestsPerSec()).max().orElse(0)));
            data.addSeries(s);
            lines.setSeriesPaint(data.getSeriesCount() - 1, ChartStyle.colour(sizes.indexOf(size)));
            lines.setSeriesStroke(data.getSeriesCount() - 1, ChartStyle.SOLID);
        });
        // Payload sizes usually grow by factors (256 B .. 1 MB), so a log axis keeps points apart.
        LogAxis x = new LogAxis("Payload (bytes, log scale)");
        x.setBase(2);
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setSmallestValue(1);
        x.setNumberFormatOverride(java.text.NumberFormat.getIntegerInstance(java.util.Locale.ROOT));
        XYPlot plot = new XYPlot(data, x, rateAxis(), lines);
        return chart("Throughput by payload size", "best concurrency of each point", plot);
    }

    /** One bar per cell, red below 99 %; the axis ends at 100 % and starts just below the worst cell. */
    static JFreeChart successRate(List<CellResult> cells) {
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
        plot.setRenderer(new BarRenderer() {
            @Override
            public java.awt.Paint getItemPaint(int row, int column) {
                return rates.get(column) < 99.0 ? BELOW_99 : AT_LEAST_99;
            }
        });
        ((BarRenderer) plot.getRenderer()).setBarPainter(new StandardBarPainter());
        ((BarRenderer) plot.getRenderer()).setShadowVisible(false);
        CategoryAxis x = plot.getDomainAxis();
        x.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        NumberAxis y = (NumberAxis) plot.getRangeAxis();
        // From 0, 99.9% and 97% look alike; start just below the worst cell so differences show.
        y.setRange(Math.max(0, Math.floor(lowest) - 1), 100);
        return ChartStyle.finish(chart, null);
    }

    private static XYSeries latency(String name, List<CellResult> group, ToLongFunction<LatencySummary> figure) {
        XYSeries s = new XYSeries(name);
        for (CellResult r : group) {
            long nanos = figure.applyAsLong(r.load().all());
            // A cell without responses has no latency; a gap says so, a 0 could not be drawn on a log axis.
            s.add(r.cell().concurrency(), nanos <= 0 ? null : nanos / 1e6);
        }
        return s;
    }

    private static NumberAxis rateAxis() {
        NumberAxis y = new NumberAxis("Requests per second");
        y.setAutoRangeIncludesZero(true);
        return y;
    }

    private static XYPlot linePlot(XYSeriesCollection data, NumberAxis x, NumberAxis y) {
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < data.getSeriesCount(); i++) lines.setSeriesStroke(i, ChartStyle.SOLID);
        return new XYPlot(data, x, y, lines);
    }

    private static XYLineAndShapeRenderer renderer(XYPlot plot) {
        return (XYLineAndShapeRenderer) plot.getRenderer();
    }

    private static XYPlot grid(XYPlot p) {
        p.setBackgroundPaint(Color.WHITE);
        p.setDomainGridlinePaint(ChartStyle.GRID);
        p.setRangeGridlinePaint(ChartStyle.GRID);
        p.setRangeMinorGridlinesVisible(true);
        p.setRangeMinorGridlinePaint(ChartStyle.MINOR_GRID);
        return p;
    }

    private static JFreeChart chart(String title, String subtitle, XYPlot plot) {
        grid(plot);
        return ChartStyle.finish(new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true), subtitle);
    }

    static int smallestPayload(List<CellResult> cells) {
        return cells.stream().mapToInt(r -> r.cell().payloadBytes()).min().orElse(0);
    }

    private static List<CellResult> atPayload(List<CellResult> cells, int payload) {
        return cells.stream().filter(r -> r.cell().payloadBytes() == payload).toList();
    }

    static List<Integer> values(List<CellResult> cells, Function<CellResult, Integer> key) {
        return cells.stream().map(key).distinct().sorted().toList();
    }

    /** Cells grouped by {@code key}, groups and members in ascending key / run order. */
    static Map<Integer, List<CellResult>> group(List<CellResult> cells, Function<CellResult, Integer> key) {
        return cells.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()));
    }
}
