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

    /** Sampling gaps longer than this many typical steps (and at least MIN_GAP_MILLIS) break a line. */
    static final int GAP_FACTOR = 5;
    static final long MIN_GAP_MILLIS = 5_000;

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
        Map<String, Integer> sizeByCell = cells.stream()
                .collect(Collectors.toMap(c -> c.cell().id(), c -> c.cell().clusterSize(), (a, b) -> a));
        plot.add(panel(byNode, "CPU (%)", StatsSample::cpuPercent, cells, sizeByCell, true), 1);
        plot.add(panel(byNode, "Memory (MiB)", StatsSample::memoryMb, cells, sizeByCell, false), 1);
        plot.setGap(8);
        JFreeChart chart = new JFreeChart("Node resources over time", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        return ChartStyle.finish(chart, cells.isEmpty() ? null : "shaded: measured window of each cell");
    }

    private static XYPlot panel(Map<String, List<StatsSample>> byNode, String label, ToDoubleFunction<StatsSample> value,
                                List<CellResult> cells, Map<String, Integer> sizeByCell, boolean labelCells) {
        XYSeriesCollection data = new XYSeriesCollection();
        byNode.forEach((node, samples) -> data.addSeries(series(node, samples, value, sizeByCell)));
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

    /**
     * The node's samples in time order, reduced to at most MAX_POINTS_PER_NODE by keeping each
     * bucket's peak. Node 0 of a 1-node cluster and node 0 of the 3-node cluster after it are
     * different containers with the same name, so the line breaks (a null point) where the cluster
     * size changes, and wherever sampling stopped for a while (a cluster replaced mid-run).
     */
    static XYSeries series(String node, List<StatsSample> samples, ToDoubleFunction<StatsSample> value,
                           Map<String, Integer> sizeByCell) {
        List<StatsSample> sorted = new ArrayList<>(samples);
        sorted.sort(java.util.Comparator.comparing(StatsSample::timestamp));
        XYSeries s = new XYSeries(node, false, true);
        int bucket = Math.max(1, (sorted.size() + MAX_POINTS_PER_NODE - 1) / MAX_POINTS_PER_NODE);
        List<List<StatsSample>> segments = segments(sorted, sizeByCell);
        for (int k = 0; k < segments.size(); k++) {
            List<StatsSample> segment = segments.get(k);
            if (k > 0) {
                s.add(segment.get(0).timestamp().toEpochMilli() - 1, null);
            }
            for (int from = 0; from < segment.size(); from += bucket) {
                List<StatsSample> part = segment.subList(from, Math.min(segment.size(), from + bucket));
                StatsSample peak = part.get(0);
                for (StatsSample p : part) {
                    if (value.applyAsDouble(p) > value.applyAsDouble(peak)) {
                        peak = p;
                    }
                }
                s.add(part.get(0).timestamp().toEpochMilli(), value.applyAsDouble(peak));
            }
        }
        return s;
    }

    /** Splits time-ordered samples where the cluster size changes (idle samples keep the size before them) or a gap opens. */
    static List<List<StatsSample>> segments(List<StatsSample> sorted, Map<String, Integer> sizeByCell) {
        long gapMillis = Math.max(MIN_GAP_MILLIS, GAP_FACTOR * medianStepMillis(sorted));
        List<List<StatsSample>> out = new ArrayList<>();
        List<StatsSample> current = new ArrayList<>();
        Integer size = null;
        StatsSample previous = null;
        for (StatsSample p : sorted) {
            Integer own = p.cellId() == null ? null : sizeByCell.get(p.cellId());
            boolean newCluster = own != null && size != null && !own.equals(size);
            boolean gap = previous != null
                    && p.timestamp().toEpochMilli() - previous.timestamp().toEpochMilli() > gapMillis;
            if ((newCluster || gap) && !current.isEmpty()) {
                out.add(current);
                current = new ArrayList<>();
            }
            if (own != null) size = own;
            current.add(p);
            previous = p;
        }
        if (!current.isEmpty()) out.add(current);
        return out;
    }

    private static long medianStepMillis(List<StatsSample> sorted) {
        if (sorted.size() < 2) return 0;
        long[] steps = new long[sorted.size() - 1];
        for (int i = 1; i < sorted.size(); i++) {
            steps[i - 1] = sorted.get(i).timestamp().toEpochMilli() - sorted.get(i - 1).timestamp().toEpochMilli();
        }
        java.util.Arrays.sort(steps);
        return steps[steps.length / 2];
    }
}
