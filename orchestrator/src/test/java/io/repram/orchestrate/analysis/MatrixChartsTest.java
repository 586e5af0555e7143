package io.repram.orchestrate.analysis;

import io.repram.orchestrate.results.CellResult;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.Tick;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MatrixChartsTest {

    static final List<Integer> SIZES = List.of(1, 3, 5);
    static final List<Integer> CONCURRENCY = List.of(10, 50);

    /** 1, 3 and 5 nodes × 10 and 50 workers; p50 = 0.2 ms × size, p99 = 10 × p50; rate = 1000 × size + conc. */
    static List<CellResult> matrix() {
        List<CellResult> cells = new ArrayList<>();
        int index = 0;
        for (int size : SIZES) {
            for (int conc : CONCURRENCY) {
                long p50 = 200_000L * size;
                cells.add(ChartFixtures.cell(index++, size, conc, 1024, 1000.0 * size + conc, p50, p50 * 10, List.of()));
            }
        }
        return cells;
    }

    static XYSeries series(XYPlot plot, String key) {
        XYSeriesCollection data = (XYSeriesCollection) plot.getDataset();
        return data.getSeries(key);
    }

    static int index(XYPlot plot, String key) {
        return ((XYSeriesCollection) plot.getDataset()).getSeriesIndex(key);
    }

    static List<Double> majorTickValues(ValueAxis axis, RectangleEdge edge) {
        List<Double> out = new ArrayList<>();
        for (Object t : axis.refreshTicks(ChartFixtures.graphics(), new AxisState(), ChartFixtures.area(), edge)) {
            ValueTick tick = (ValueTick) t;
            out.add(tick.getValue());
        }
        return out;
    }

    @Test
    void latencyIsOnALogAxisAndTheOneNodeP50IsItsTrueValueAboveTheAxisFloor() {
        XYPlot plot = MatrixCharts.latencyByConcurrency(matrix(), 1024).getXYPlot();
        LogAxis y = assertInstanceOf(LogAxis.class, plot.getRangeAxis());
        XYSeries p50 = series(plot, "1 node p50");
        assertEquals(0.2, p50.getY(p50.indexOf(10.0)).doubleValue(), 1e-9);
        assertTrue(y.getLowerBound() > 0 && y.getLowerBound() <= 0.2, "lower bound " + y.getLowerBound());
        // The largest p99 (5 nodes: 10 ms) is inside the range too.
        assertTrue(y.getUpperBound() >= 10.0, "upper bound " + y.getUpperBound());
    }

    @Test
    void p50AndP99ShareTheColourOfTheirClusterSizeAndOnlyP99IsDashed() {
        XYPlot plot = MatrixCharts.latencyByConcurrency(matrix(), 1024).getXYPlot();
        XYItemRenderer r = plot.getRenderer();
        Set<Paint> perSize = new HashSet<>();
        for (int size : SIZES) {
            int p50 = index(plot, RunCharts.nodes(size) + " p50");
            int p99 = index(plot, RunCharts.nodes(size) + " p99");
            assertEquals(r.getSeriesPaint(p50), r.getSeriesPaint(p99), size + " nodes");
            assertNull(((BasicStroke) r.getSeriesStroke(p50)).getDashArray(), "p50 solid");
            assertNotNull(((BasicStroke) r.getSeriesStroke(p99)).getDashArray(), "p99 dashed");
            Color c = (Color) r.getSeriesPaint(p50);
            // Readable on white: no yellow-ish colour, whose luminance is close to white's.
            double luminance = 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
            assertTrue(luminance < 170, size + " nodes colour " + c + " is too light for a white background");
            perSize.add(c);
        }
        assertEquals(SIZES.size(), perSize.size(), "one distinct colour per size");
    }

    @Test
    void aClusterSizeHasTheSameColourInEveryChart() {
        List<CellResult> cells = matrix();
        XYPlot latency = MatrixCharts.latencyByConcurrency(cells, 1024).getXYPlot();
        CombinedDomainXYPlot both = (CombinedDomainXYPlot) MatrixCharts.throughputAndP99ByConcurrency(cells, 1024).getPlot();
        XYPlot rates = both.getSubplots().get(0);
        XYPlot p99 = both.getSubplots().get(1);
        for (int size : SIZES) {
            Paint colour = latency.getRenderer().getSeriesPaint(index(latency, RunCharts.nodes(size) + " p50"));
            assertEquals(colour, rates.getRenderer().getSeriesPaint(index(rates, RunCharts.nodes(size))));
            assertEquals(colour, p99.getRenderer().getSeriesPaint(index(p99, RunCharts.nodes(size) + " p99")));
        }
    }

    @Test
    void throughputAndP99AgainstConcurrencyHaveOneLinePerClusterSizeWithTheMeasuredFigures() {
        CombinedDomainXYPlot plot = (CombinedDomainXYPlot) MatrixCharts.throughputAndP99ByConcurrency(matrix(), 1024)
                .getPlot();
        XYPlot rates = plot.getSubplots().get(0);
        XYPlot p99 = plot.getSubplots().get(1);
        assertEquals(SIZES.size(), rates.getDataset().getSeriesCount());
        for (int size : SIZES) {
            XYSeries rate = series(rates, RunCharts.nodes(size));
            XYSeries tail = series(p99, RunCharts.nodes(size) + " p99");
            for (int conc : CONCURRENCY) {
                assertEquals(1000.0 * size + conc, rate.getY(rate.indexOf((double) conc)).doubleValue(), 1e-9);
                assertEquals(2.0 * size, tail.getY(tail.indexOf((double) conc)).doubleValue(), 1e-9);
            }
        }
        assertInstanceOf(LogAxis.class, p99.getRangeAxis());
        assertEquals(List.of(10.0, 50.0), majorTickValues(plot.getDomainAxis(), RectangleEdge.BOTTOM));
    }

    @Test
    void theClusterSizeAxisIsTickedOnlyAtMeasuredSizes() {
        JFreeChart chart = MatrixCharts.throughputBySize(matrix(), 1024);
        ValueAxis x = chart.getXYPlot().getDomainAxis();
        assertEquals(List.of(1.0, 3.0, 5.0), majorTickValues(x, RectangleEdge.BOTTOM));
        // Lines are per concurrency level, each through the measured sizes only.
        XYSeries ten = series(chart.getXYPlot(), "10 workers");
        assertEquals(List.of(1.0, 3.0, 5.0), List.of(ten.getX(0).doubleValue(), ten.getX(1).doubleValue(),
                ten.getX(2).doubleValue()));
        assertEquals(3010.0, ten.getY(1).doubleValue(), 1e-9);
    }

    @Test
    void crowdedMeasuredTicksKeepTheirPlaceButDropOverlappingLabels() {
        MeasuredAxis x = new MeasuredAxis("Concurrent workers", List.of(1, 2, 3, 1000));
        x.setRange(0, 1000);
        List<String> labels = new ArrayList<>();
        List<? extends Object> ticks = x.refreshTicks(ChartFixtures.graphics(), new AxisState(), ChartFixtures.area(),
                RectangleEdge.BOTTOM);
        for (Object t : ticks) labels.add(((Tick) t).getText());
        assertEquals(4, ticks.size());
        assertEquals("1", labels.get(0));
        assertEquals("", labels.get(1), "2 is 0.8 px from 1 on an 800 px axis: no room for its label");
        assertEquals("", labels.get(2));
        assertEquals("1,000", labels.get(3));
    }

    @Test
    void theSuccessRateAxisEndsAt100Percent() {
        List<CellResult> cells = new ArrayList<>(matrix());
        JFreeChart chart = MatrixCharts.successRate(cells);
        NumberAxis y = (NumberAxis) chart.getCategoryPlot().getRangeAxis();
        assertEquals(100.0, y.getUpperBound(), 0.0);
        assertEquals(99.0, y.getLowerBound(), 0.0, "all cells at 100 %: the axis starts 1 point below");
    }

    @Test
    void sizeColoursAreDistinctFromEachOtherInThroughputByPayload() {
        List<CellResult> cells = new ArrayList<>();
        int i = 0;
        for (int size : SIZES) {
            for (int payload : List.of(1024, 65536)) {
                cells.add(ChartFixtures.cell(i++, size, 10, payload, 100.0 * size, 1_000_000, 5_000_000, List.of()));
            }
        }
        XYPlot plot = MatrixCharts.throughputByPayload(cells).getXYPlot();
        XYPlot latency = MatrixCharts.latencyByConcurrency(matrix(), 1024).getXYPlot();
        for (int size : SIZES) {
            assertEquals(latency.getRenderer().getSeriesPaint(index(latency, RunCharts.nodes(size) + " p50")),
                    plot.getRenderer().getSeriesPaint(index(plot, RunCharts.nodes(size))));
        }
        assertNotEquals(plot.getRenderer().getSeriesPaint(0), plot.getRenderer().getSeriesPaint(1));
    }
}
