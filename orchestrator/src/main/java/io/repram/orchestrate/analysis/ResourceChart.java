package io.repram.orchestrate.analysis;

import io.repram.orchestrate.results.CellResult;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * CPU % and memory of each node over time, one panel each on a shared time axis, with every
 * cell's measured window shaded so a spike can be matched to the scenario that caused it.
 */
final class ResourceChart {

    /** Long runs have tens of thousands of samples; more points than pixels only slows rendering. */
    static final int MAX_POINTS_PER_NODE = 600;
    /** Above this many cells the band labels would overlap; the bands alone still show the boundaries. */
    static final int MAX_LABELLED_CELLS = 12;

    private static final Color[] NODE_COLOURS = {new Color(0x1F77B4), new Color(0xD62728), new Color(0x2CA02C),
            new Color(0x9467BD), new Color(0xFF7F0E), new Color(0x8C564B), new Color(0xE377C2), new Color(0x7F7F7F),
            new Color(0xBCBD22), new Color(0x17BECF)};
    private static final Color[] BANDS = {new Color(0x1F, 0x77, 0xB4, 28), new Color(0xFF, 0x7F, 0x0E, 28)};

    private ResourceChart() {
    }

    static JFreeChart build(List<StatsSample> stats, List<CellResult> cells) {
        Map<String, List<StatsSample>> byNode = stats.stream()
                .collect(Collectors.groupingBy(StatsSample::node, TreeMap::new, Collectors.toList()));
        DateAxis time = new DateAxis("Time (UTC)");
        time.setTimeZone(java.util.TimeZone.getTimeZone("UTC"));
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(time);
        plot.add(panel(byNode, "CPU (%)", StatsSample::cpuPercent, cells, true), 1);
        plot.add(panel(byNode, "Memory (MiB)", StatsSample::memoryMb, cells, false), 1);
        plot.setGap(8);
        JFreeChart chart = new JFreeChart("Node resources over time", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        return ChartStyle.finish(chart, cells.isEmpty() ? null : "shaded: measured window of each cell");
    }

    private static XYPlot panel(Map<String, List<StatsSample>> byNode, String label, ToDoubleFunction<StatsSample> value,
                                List<CellResult> cells, boolean labelCells) {
        XYSeriesCollection data = new XYSeriesCollection();
        byNode.forEach((node, samples) -> data.addSeries(series(node, samples, value)));
        NumberAxis y = new NumberAxis(label);
        y.setAutoRangeIncludesZero(true);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        // Same colour for a node in both panels, and one legend entry per node, not per panel.
        for (int i = 0; i < data.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, NODE_COLOURS[i % NODE_COLOURS.length]);
        }
        renderer.setDefaultSeriesVisibleInLegend(labelCells);
        XYPlot plot = new XYPlot(data, null, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(ChartStyle.GRID);
        plot.setRangeGridlinePaint(ChartStyle.GRID);
        for (int i = 0; i < cells.size(); i++) {
            CellResult c = cells.get(i);
            IntervalMarker band = new IntervalMarker(c.startedEpochMillis(), c.finishedEpochMillis());
            band.setPaint(BANDS[i % BANDS.length]);
            if (labelCells && cells.size() <= MAX_LABELLED_CELLS) {
                band.setLabel(c.cell().clusterSize() + "n/" + c.cell().concurrency() + "c");
                band.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 9));
                band.setLabelAnchor(RectangleAnchor.TOP);
                band.setLabelTextAnchor(TextAnchor.TOP_CENTER);
            }
            plot.addDomainMarker(band, Layer.BACKGROUND);
        }
        return plot;
    }

    /** The node's samples in time order, reduced to at most MAX_POINTS_PER_NODE by keeping each bucket's peak. */
    static XYSeries series(String node, List<StatsSample> samples, ToDoubleFunction<StatsSample> value) {
        List<StatsSample> sorted = new ArrayList<>(samples);
        sorted.sort(java.util.Comparator.comparing(StatsSample::timestamp));
        XYSeries s = new XYSeries(node, false, true);
        int bucket = (sorted.size() + MAX_POINTS_PER_NODE - 1) / MAX_POINTS_PER_NODE;
        for (int from = 0; from < sorted.size(); from += bucket) {
            List<StatsSample> part = sorted.subList(from, Math.min(sorted.size(), from + bucket));
            StatsSample peak = part.get(0);
            for (StatsSample p : part) {
                if (value.applyAsDouble(p) > value.applyAsDouble(peak)) {
                    peak = p;
                }
            }
            s.add(part.get(0).timestamp().toEpochMilli(), value.applyAsDouble(peak));
        }
        return s;
    }
}
