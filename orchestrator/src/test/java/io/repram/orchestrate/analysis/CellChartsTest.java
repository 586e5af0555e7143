package io.repram.orchestrate.analysis;

import io.repram.orchestrate.results.CellResult;
import io.repram.orchestrate.results.IntervalLogCsv;
import io.repram.orchestrate.results.IntervalRecord;
import org.HdrHistogram.Histogram;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.Tick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.BasicStroke;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CellChartsTest {

    @TempDir
    Path tmp;

    static final CellResult CELL = ChartFixtures.cell(0, 3, 10, 1024, 1500, 500_000, 5_000_000,
            List.of(ChartFixtures.kill(5_000, 1), ChartFixtures.restore(21_000, 1)));

    /** The chart drawn from the intervals as the run writes and the report reads them: through the CSV. */
    JFreeChart overTime() {
        Path csv = IntervalLogCsv.file(tmp, CELL.cell().id());
        IntervalLogCsv.write(csv, ChartFixtures.steppedIntervals(), CELL.faults());
        List<IntervalRecord> read = IntervalCsvReader.read(csv);
        return CellCharts.overTime(CELL, read, Duration.ofSeconds(2));
    }

    static List<XYPlot> panels(JFreeChart chart) {
        return ((CombinedDomainXYPlot) chart.getPlot()).getSubplots();
    }

    static List<Marker> domainMarkers(XYPlot plot) {
        List<Marker> out = new ArrayList<>();
        for (Layer layer : List.of(Layer.FOREGROUND, Layer.BACKGROUND)) {
            Collection<?> markers = plot.getDomainMarkers(layer);
            if (markers != null) markers.forEach(m -> out.add((Marker) m));
        }
        return out;
    }

    @Test
    void throughputOverTimeStepsFrom1000To2000AtTenSeconds() {
        XYPlot rates = panels(overTime()).get(0);
        XYSeries achieved = ((XYSeriesCollection) rates.getDataset()).getSeries("successful requests/s");
        assertEquals(ChartFixtures.SECONDS, achieved.getItemCount());
        for (int i = 0; i < achieved.getItemCount(); i++) {
            double t = achieved.getX(i).doubleValue();
            assertEquals(i + 0.5, t, 1e-9, "each interval at its middle");
            assertEquals(t < ChartFixtures.STEP_SECOND ? 1000.0 : 2000.0, achieved.getY(i).doubleValue(), 1e-9, "t=" + t);
        }
        assertEquals(1, rates.getDataset().getSeriesCount(), "no failures, so no failure line");
    }

    @Test
    void latencyOverTimeIsOnALogAxisWithP50SolidAndP99DashedInTheSameColour() {
        XYPlot latency = panels(overTime()).get(1);
        assertInstanceOf(LogAxis.class, latency.getRangeAxis());
        XYSeriesCollection data = (XYSeriesCollection) latency.getDataset();
        assertEquals(ChartFixtures.PUT_P50_US / 1000.0, data.getSeries("PUT p50").getY(0).doubleValue(), 1e-9);
        assertEquals(ChartFixtures.PUT_P99_US / 1000.0, data.getSeries("PUT p99").getY(7).doubleValue(), 1e-9);
        assertEquals(ChartFixtures.GET_P99_US / 1000.0, data.getSeries("GET p99").getY(0).doubleValue(), 1e-9);
        assertNull(data.getSeries("GET p50").getY(ChartFixtures.NO_GET_SECOND), "no GET in that second: a gap, not 0");
        for (String op : List.of("PUT", "GET")) {
            int p50 = data.getSeriesIndex(op + " p50");
            int p99 = data.getSeriesIndex(op + " p99");
            assertEquals(latency.getRenderer().getSeriesPaint(p50), latency.getRenderer().getSeriesPaint(p99), op);
            assertNull(((BasicStroke) latency.getRenderer().getSeriesStroke(p50)).getDashArray());
            assertNotNull(((BasicStroke) latency.getRenderer().getSeriesStroke(p99)).getDashArray());
        }
        assertNotEquals(latency.getRenderer().getSeriesPaint(0), latency.getRenderer().getSeriesPaint(2), "PUT vs GET");
        assertTrue(latency.getRangeAxis().getLowerBound() <= 0.3 && latency.getRangeAxis().getUpperBound() >= 5.0,
                latency.getRangeAxis().getRange().toString());
    }

    @Test
    void theScenarioFaultIsAVerticalMarkerAtItsOffsetAndTheWarmupIsShadedBeforeTheWindow() {
        JFreeChart chart = overTime();
        for (XYPlot panel : panels(chart)) {
            List<Marker> markers = domainMarkers(panel);
            List<ValueMarker> faults = markers.stream().filter(m -> m instanceof ValueMarker v && v.getValue() != 0)
                    .map(m -> (ValueMarker) m).toList();
            assertEquals(1, faults.size(), "the kill; the restoration after the window is not on this chart");
            assertEquals(5.0, faults.get(0).getValue(), 1e-9);
            List<IntervalMarker> bands = markers.stream().filter(m -> m instanceof IntervalMarker)
                    .map(m -> (IntervalMarker) m).toList();
            assertEquals(1, bands.size());
            assertEquals(-2.0, bands.get(0).getStartValue(), 1e-9);
            assertEquals(0.0, bands.get(0).getEndValue(), 1e-9);
        }
        List<Marker> top = domainMarkers(panels(chart).get(0));
        assertTrue(top.stream().anyMatch(m -> "kill node 1".equals(m.getLabel())), "labelled on the top panel");
        assertTrue(top.stream().anyMatch(m -> m instanceof ValueMarker v && v.getValue() == 0
                && "measured from here; the 2 s warm-up before is not recorded".equals(m.getLabel())), "window start labelled");
        assertEquals(-2.0, chart.getXYPlot().getDomainAxis().getLowerBound(), 1e-9);
        assertEquals(ChartFixtures.SECONDS, chart.getXYPlot().getDomainAxis().getUpperBound(), 1e-9);
    }

    @Test
    void withoutWarmupNothingIsShaded() {
        List<IntervalRecord> intervals = ChartFixtures.steppedIntervals();
        JFreeChart chart = CellCharts.overTime(CELL, intervals, Duration.ZERO);
        assertTrue(domainMarkers(panels(chart).get(0)).stream().noneMatch(m -> m instanceof IntervalMarker));
        assertEquals(0.0, chart.getXYPlot().getDomainAxis().getLowerBound(), 1e-9);
    }

    @Test
    void theSpectrumFollowsTheKnownDistributionsOfPutAndGetSeparately() {
        CellResult r = ChartFixtures.cell(0, 1, 2, 1024, 100, 500_000, 990_000, List.of());
        ChartFixtures.writeCellFiles(tmp, r);
        CellHistograms h = CellHistograms.readCell(tmp, r.cell().id()).orElseThrow();
        assertEquals(1000, h.put().getTotalCount());
        assertEquals(1000, h.get().getTotalCount());
        XYPlot plot = CellCharts.spectrum(r, h).getXYPlot();
        assertInstanceOf(PercentileAxis.class, plot.getDomainAxis());
        assertInstanceOf(LogAxis.class, plot.getRangeAxis());
        XYSeriesCollection data = (XYSeriesCollection) plot.getDataset();
        assertEquals(2, data.getSeriesCount());
        XYSeries put = data.getSeries(0);
        XYSeries get = data.getSeries(1);
        assertTrue(put.getKey().toString().startsWith("PUT (1,000 responses"), put.getKey().toString());
        assertTrue(get.getKey().toString().startsWith("GET"), get.getKey().toString());
        assertTrue(put.getItemCount() > 20, "a spectrum, not a handful of points: " + put.getItemCount());
        for (int i = 0; i < put.getItemCount(); i++) {
            double percentile = PercentileAxis.percentile(put.getX(i).doubleValue());
            double truthMs = Math.max(1, Math.ceil(percentile * 10 - 1e-9)) / 1000.0;
            assertEquals(truthMs, put.getY(i).doubleValue(), truthMs * 0.01 + 0.001, "PUT at " + percentile + "%");
        }
        assertEquals(0.0, PercentileAxis.percentile(put.getX(0).doubleValue()), 1e-9, "starts at 0 %");
        assertTrue(PercentileAxis.percentile(put.getX(put.getItemCount() - 1).doubleValue()) >= 99.0, "reaches the tail");
        for (int i = 0; i < get.getItemCount(); i++) {
            assertEquals(2.0, get.getY(i).doubleValue(), 0.002, "GET is 2 ms throughout");
        }
        assertNotEquals(plot.getRenderer().getSeriesPaint(0), plot.getRenderer().getSeriesPaint(1));
    }

    @Test
    void thePercentileAxisIsOneOverOneMinusPLabelledAtEachNine() {
        PercentileAxis x = new PercentileAxis("Percentile");
        assertEquals(1.0, x.getLowerBound(), 0.0);
        assertEquals(100_000.0, x.getUpperBound(), 1e-6);
        assertEquals(10.0, PercentileAxis.position(90), 1e-9);
        assertEquals(1000.0, PercentileAxis.position(99.9), 1e-6);
        List<String> labels = new ArrayList<>();
        List<Double> at = new ArrayList<>();
        for (Object t : x.refreshTicks(ChartFixtures.graphics(), new AxisState(), ChartFixtures.area(), RectangleEdge.BOTTOM)) {
            ValueTick tick = (ValueTick) t;
            if (tick.getTickType() == TickType.MAJOR) {
                labels.add(((Tick) t).getText());
                at.add(tick.getValue());
            }
        }
        assertEquals(List.of("0%", "90%", "99%", "99.9%", "99.99%", "99.999%"), labels);
        for (int i = 0; i < at.size(); i++) assertEquals(Math.pow(10, i), at.get(i), 1e-6);
    }

    @Test
    void theLatencyAxisLabelsEvenARangeWithinOneDecade() {
        LatencyAxis y = new LatencyAxis("Latency (ms, log scale)");
        y.fit(new org.jfree.data.Range(0.23, 0.61));
        assertEquals(0.2, y.getLowerBound(), 1e-12);
        assertEquals(1.0, y.getUpperBound(), 1e-12);
        assertEquals(List.of(0.2, 0.5, 1.0), y.tickValues());
        List<String> labels = new ArrayList<>();
        for (Object t : y.refreshTicks(ChartFixtures.graphics(), new AxisState(), ChartFixtures.area(), RectangleEdge.LEFT)) {
            labels.add(((Tick) t).getText());
        }
        assertEquals(List.of("0.2", "0.5", "1"), labels);
    }

    @Test
    void aHistogramLogWithOnlyPutsDrawsOnlyThePutLine() {
        Histogram put = ChartFixtures.uniformPutNanos();
        CellHistograms h = new CellHistograms(put, new Histogram(3));
        XYPlot plot = CellCharts.spectrum(CELL, h).getXYPlot();
        assertEquals(1, plot.getDataset().getSeriesCount());
        assertEquals(CellCharts.PUT_COLOUR, plot.getRenderer().getSeriesPaint(0));
    }
}
