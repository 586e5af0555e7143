package io.repram.orchestrate.analysis;

import io.repram.orchestrate.results.CellResult;
import io.repram.orchestrate.results.FaultEvent;
import io.repram.orchestrate.results.IntervalLatency;
import io.repram.orchestrate.results.IntervalRecord;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.general.DatasetUtils;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * The two charts of one cell: its rate and latency second by second (warm-up and faults on the
 * same clock), and its latency percentile spectrum from the full histograms.
 */
final class CellCharts {

    static final Color PUT_COLOUR = ChartStyle.colour(0);
    static final Color GET_COLOUR = ChartStyle.colour(4);
    static final Color FAULT_COLOUR = new Color(0xB00020);
    private static final Color WARMUP_BAND = new Color(0x80, 0x80, 0x80, 40);
    private static final Color LABEL_BACKGROUND = new Color(255, 255, 255, 220);
    private static final Font MARKER_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
    /** Percentile steps per halving of the distance to 100 %: HdrHistogram's own plotting default. */
    private static final int TICKS_PER_HALF_DISTANCE = 5;

    private CellCharts() {
    }

    static String describe(CellResult r) {
        return RunCharts.nodes(r.cell().clusterSize()) + ", " + r.cell().concurrency() + " workers, "
                + r.cell().payloadBytes() + "-byte values";
    }

    /**
     * Throughput (top) and PUT/GET p50 and p99 (bottom, log axis) per interval, plotted at each
     * interval's middle. The warm-up, when {@code intervals} has none of it, is shaded empty before
     * 0 so the start of the measured window is still marked; scenario faults are vertical lines.
     */
    static JFreeChart overTime(CellResult r, List<IntervalRecord> intervals, Duration warmup) {
        XYSeriesCollection rates = new XYSeriesCollection();
        XYSeries achieved = new XYSeries("successful requests/s");
        XYSeries failed = new XYSeries("failed requests/s");
        for (IntervalRecord i : intervals) {
            achieved.add(middleSeconds(i), i.achievedPerSec());
            failed.add(middleSeconds(i), i.intervalMillis() <= 0 ? 0 : i.failures() * 1000.0 / i.intervalMillis());
        }
        rates.addSeries(achieved);
        boolean anyFailure = intervals.stream().anyMatch(i -> i.failures() > 0);
        if (anyFailure) rates.addSeries(failed);
        NumberAxis rateAxis = new NumberAxis("Requests per second");
        rateAxis.setAutoRangeIncludesZero(true);
        XYLineAndShapeRenderer rateLines = new XYLineAndShapeRenderer(true, false);
        rateLines.setSeriesPaint(0, ChartStyle.colour(2));
        rateLines.setSeriesStroke(0, ChartStyle.SOLID);
        rateLines.setSeriesPaint(1, FAULT_COLOUR);
        rateLines.setSeriesStroke(1, ChartStyle.SOLID);
        XYPlot ratePlot = new XYPlot(rates, null, rateAxis, rateLines);

        XYSeriesCollection latency = new XYSeriesCollection();
        latency.addSeries(latencySeries("PUT p50", intervals, IntervalRecord::put, IntervalLatency::p50Us));
        latency.addSeries(latencySeries("PUT p99", intervals, IntervalRecord::put, IntervalLatency::p99Us));
        latency.addSeries(latencySeries("GET p50", intervals, IntervalRecord::get, IntervalLatency::p50Us));
        latency.addSeries(latencySeries("GET p99", intervals, IntervalRecord::get, IntervalLatency::p99Us));
        LatencyAxis latencyAxis = new LatencyAxis("Latency (ms, log scale)");
        latencyAxis.fit(DatasetUtils.findRangeBounds(latency));
        XYLineAndShapeRenderer latencyLines = new XYLineAndShapeRenderer(true, false);
        for (int s = 0; s < 4; s++) {
            latencyLines.setSeriesPaint(s, s < 2 ? PUT_COLOUR : GET_COLOUR);
            latencyLines.setSeriesStroke(s, s % 2 == 0 ? ChartStyle.SOLID : ChartStyle.DASHED);
        }
        XYPlot latencyPlot = new XYPlot(latency, null, latencyAxis, latencyLines);

        NumberAxis time = new NumberAxis("Seconds from the start of the measured window");
        time.setAutoRangeIncludesZero(false);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(time);
        plot.setGap(10);
        plot.add(ratePlot, 1);
        plot.add(latencyPlot, 1);
        for (XYPlot p : List.of(ratePlot, latencyPlot)) {
            style(p);
            markWarmup(p, intervals, warmup, p == ratePlot);
            markFaults(p, r.faults(), p == ratePlot);
        }
        double from = Math.min(-warmup.toMillis() / 1000.0,
                intervals.isEmpty() ? 0 : intervals.get(0).offsetMillis() / 1000.0);
        double to = intervals.isEmpty() ? 1 : intervals.get(intervals.size() - 1).endOffsetMillis() / 1000.0;
        time.setRange(from, Math.max(to, from + 1));
        JFreeChart chart = new JFreeChart(r.cell().id() + " over time", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        return ChartStyle.finish(chart, describe(r) + "; dashed: p99");
    }

    static double middleSeconds(IntervalRecord i) {
        return (i.offsetMillis() + i.intervalMillis() / 2.0) / 1000.0;
    }

    /** Microsecond figures as milliseconds; an interval without that operation leaves a gap, not a 0 a log axis cannot show. */
    private static XYSeries latencySeries(String name, List<IntervalRecord> intervals,
                                          java.util.function.Function<IntervalRecord, IntervalLatency> op,
                                          ToLongFunction<IntervalLatency> figure) {
        XYSeries s = new XYSeries(name);
        for (IntervalRecord i : intervals) {
            IntervalLatency l = op.apply(i);
            long us = figure.applyAsLong(l);
            s.add(middleSeconds(i), l.count() == 0 || us <= 0 ? null : us / 1000.0);
        }
        return s;
    }

    private static void markWarmup(XYPlot plot, List<IntervalRecord> intervals, Duration warmup, boolean label) {
        boolean recorded = intervals.stream().anyMatch(IntervalRecord::warmup);
        double start = recorded ? intervals.get(0).offsetMillis() / 1000.0 : -warmup.toMillis() / 1000.0;
        if (start >= 0) return;
        IntervalMarker band = new IntervalMarker(start, 0, WARMUP_BAND);
        plot.addDomainMarker(band, Layer.BACKGROUND);
        ValueMarker windowStart = new ValueMarker(0, Color.DARK_GRAY, new BasicStroke(1f));
        if (label) {
            // Labelled to the right of the line, inside the window: a short warm-up's band has no room for text.
            windowStart.setLabel(recorded ? "measured from here, after the warm-up"
                    : String.format(Locale.ROOT, "measured from here; the %s s warm-up before is not recorded",
                    LatencyAxis.label(-start)));
            windowStart.setLabelFont(MARKER_FONT);
            windowStart.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
            windowStart.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
            windowStart.setLabelOffset(new RectangleInsets(2, 3, 4, 2));
            windowStart.setLabelBackgroundColor(LABEL_BACKGROUND);
        }
        plot.addDomainMarker(windowStart, Layer.BACKGROUND);
    }

    /** Scenario faults as vertical lines; labels are staggered in height so that close faults stay readable. */
    private static void markFaults(XYPlot plot, List<FaultEvent> faults, boolean label) {
        int n = 0;
        for (FaultEvent f : faults) {
            if (!FaultEvent.SCENARIO.equals(f.origin())) continue;
            ValueMarker m = new ValueMarker(f.offsetMillis() / 1000.0, FAULT_COLOUR, new BasicStroke(1.5f));
            if (label) {
                m.setLabel(f.action() + " node " + f.nodeIndex() + (f.ok() ? "" : " (failed)"));
                m.setLabelFont(MARKER_FONT);
                m.setLabelPaint(FAULT_COLOUR);
                m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
                m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
                m.setLabelOffset(new RectangleInsets(4 + 12 * (n % 3), 3, 2, 2));
                m.setLabelBackgroundColor(LABEL_BACKGROUND);
            }
            plot.addDomainMarker(m, Layer.FOREGROUND);
            n++;
        }
    }

    /**
     * Latency (log axis) by percentile ({@link PercentileAxis}), PUT and GET as separate lines,
     * from the whole measured window's histograms.
     */
    static JFreeChart spectrum(CellResult r, CellHistograms h) {
        XYSeriesCollection data = new XYSeriesCollection();
        int putIndex = -1;
        int getIndex = -1;
        if (h.put().getTotalCount() > 0) {
            data.addSeries(spectrumSeries("PUT", h.put()));
            putIndex = data.getSeriesCount() - 1;
        }
        if (h.get().getTotalCount() > 0) {
            data.addSeries(spectrumSeries("GET", h.get()));
            getIndex = data.getSeriesCount() - 1;
        }
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
        if (putIndex >= 0) lines.setSeriesPaint(putIndex, PUT_COLOUR);
        if (getIndex >= 0) lines.setSeriesPaint(getIndex, GET_COLOUR);
        for (int s = 0; s < data.getSeriesCount(); s++) lines.setSeriesStroke(s, ChartStyle.SOLID);
        LatencyAxis y = new LatencyAxis("Latency (ms, log scale)");
        y.fit(DatasetUtils.findRangeBounds(data));
        XYPlot plot = new XYPlot(data, new PercentileAxis("Percentile"), y, lines);
        style(plot);
        JFreeChart chart = new JFreeChart("Latency by percentile, " + r.cell().id(), JFreeChart.DEFAULT_TITLE_FONT,
                plot, true);
        // Room on the right for the last label (99.999 %), which is centred on the plot's edge.
        chart.setPadding(new RectangleInsets(4, 8, 4, 28));
        return ChartStyle.finish(chart, describe(r) + "; whole measured window");
    }

    /** The histogram's percentile distribution in ms, up to the highest percentile below 100 % that it resolves. */
    static XYSeries spectrumSeries(String op, Histogram nanos) {
        XYSeries s = new XYSeries(String.format(Locale.ROOT, "%s (%,d responses, max %s ms)", op, nanos.getTotalCount(),
                millis(nanos.getMaxValue() / 1e6)));
        for (HistogramIterationValue v : nanos.percentiles(TICKS_PER_HALF_DISTANCE)) {
            double percentile = v.getPercentileLevelIteratedTo();
            double x = PercentileAxis.position(percentile);
            if (percentile >= 100 || x > PercentileAxis.MAX_POSITION) break;
            double ms = v.getValueIteratedTo() / 1e6;
            if (ms > 0) s.add(x, ms);
        }
        return s;
    }

    /** Three significant figures or whole milliseconds, enough for a legend. */
    static String millis(double ms) {
        return ms >= 100 ? String.format(Locale.ROOT, "%,.0f", ms)
                : ms >= 10 ? String.format(Locale.ROOT, "%.1f", ms) : String.format(Locale.ROOT, "%.2f", ms);
    }

    private static void style(XYPlot p) {
        p.setBackgroundPaint(Color.WHITE);
        p.setDomainGridlinePaint(ChartStyle.GRID);
        p.setRangeGridlinePaint(ChartStyle.GRID);
        p.setDomainMinorGridlinesVisible(true);
        p.setRangeMinorGridlinesVisible(true);
        p.setDomainMinorGridlinePaint(ChartStyle.MINOR_GRID);
        p.setRangeMinorGridlinePaint(ChartStyle.MINOR_GRID);
    }
}
