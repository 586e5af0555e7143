package io.repram.orchestrate.analysis;

import io.repram.orchestrate.results.SearchProbe;
import io.repram.orchestrate.results.SearchResult;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The "hockey stick" of a rate search: p50 (solid) and p99 (dashed) latency against the achieved
 * throughput of every probe, one colour per cluster size, the SLO's latency bound as a line and
 * each size's found rate as a ringed point. Where the curve turns up is the cluster's knee.
 */
public final class HockeyStickChart {

    public static final String NAME = "search_latency_vs_throughput";
    /** The found point sits on or just below the SLO line; its label goes above both (log axis: a factor). */
    private static final double LABEL_LIFT = 1.4;
    private static final Pattern BOUND = Pattern.compile("[<>]=?\\s*([0-9.]+)");

    private HockeyStickChart() {
    }

    public static JFreeChart chart(List<SearchResult> searches) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        List<Integer> sizes = searches.stream().map(SearchResult::clusterSize).distinct().sorted().toList();
        boolean manyPayloads = searches.stream().map(SearchResult::payloadBytes).distinct().count() > 1;
        XYSeries found = new XYSeries("found rate (the probe the search settled on)");
        List<XYTextAnnotation> labels = new ArrayList<>();
        double fastest = searches.stream().flatMap(s -> s.probes().stream()).mapToDouble(SearchProbe::achievedRps)
                .max().orElse(1);
        for (SearchResult s : searches) {
            String name = RunCharts.nodes(s.clusterSize()) + (manyPayloads ? ", " + s.payloadBytes() + " B" : "");
            XYSeries p50 = new XYSeries(name + " p50", true, true);
            XYSeries p99 = new XYSeries(name + " p99", true, true);
            List<SearchProbe> probes = s.probes().stream().sorted(Comparator.comparingDouble(SearchProbe::achievedRps))
                    .toList();
            for (SearchProbe p : probes) {
                p50.add(p.achievedRps(), Math.max(p.p50Micros(), 1) / 1000.0);
                p99.add(p.achievedRps(), Math.max(p.p99Micros(), 1) / 1000.0);
            }
            Color colour = ChartStyle.colour(sizes.indexOf(s.clusterSize()));
            int i = data.getSeriesCount();
            data.addSeries(p50);
            data.addSeries(p99);
            style(renderer, i, colour, ChartStyle.SOLID);
            style(renderer, i + 1, colour, ChartStyle.DASHED);
            settled(s).ifPresent(p -> {
                found.add(p.achievedRps(), Math.max(p.p99Micros(), 1) / 1000.0);
                XYTextAnnotation label = new XYTextAnnotation(String.format(Locale.ROOT, "%s: %,d req/s%s",
                        name, s.maxSustainableRps(), s.lowerBound() ? " (lower bound)" : ""),
                        p.achievedRps(), LABEL_LIFT * Math.max(p.p99Micros(), 1) / 1000.0);
                // Near the right edge a label would run off the plot: there it ends at its point.
                label.setTextAnchor(p.achievedRps() > 0.6 * fastest ? TextAnchor.BOTTOM_RIGHT : TextAnchor.BOTTOM_LEFT);
                label.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
                label.setPaint(colour);
                labels.add(label);
            });
        }
        int foundIndex = data.getSeriesCount();
        data.addSeries(found);
        renderer.setSeriesLinesVisible(foundIndex, false);
        renderer.setSeriesShapesVisible(foundIndex, true);
        renderer.setSeriesShape(foundIndex, new Ellipse2D.Double(-7, -7, 14, 14));
        renderer.setSeriesShapesFilled(foundIndex, false);
        renderer.setSeriesPaint(foundIndex, Color.BLACK);
        renderer.setSeriesStroke(foundIndex, new BasicStroke(2.5f));

        JFreeChart chart = ChartFactory.createXYLineChart("Latency against achieved throughput (rate search)",
                "achieved requests/s", "latency (ms)", data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setRenderer(renderer);
        LatencyAxis y = new LatencyAxis("Latency (ms, log scale)");
        double low = Double.MAX_VALUE;
        double high = 0;
        for (int i = 0; i < data.getSeriesCount(); i++) {
            XYSeries series = data.getSeries(i);
            if (series.isEmpty()) continue;
            low = Math.min(low, series.getMinY());
            high = Math.max(high, series.getMaxY());
        }
        for (Double bound : sloBounds(searches)) {
            high = Math.max(high, bound);
            low = Math.min(low, bound);
            ValueMarker slo = new ValueMarker(bound, new Color(0x55, 0x55, 0x55), new BasicStroke(1.5f,
                    BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {3f, 3f}, 0f));
            slo.setLabel(String.format(Locale.ROOT, "SLO p99 ≤ %s ms", LatencyAxis.label(bound)));
            slo.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            slo.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
            slo.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            plot.addRangeMarker(slo);
        }
        y.fit(high > 0 ? new Range(low, high) : null);
        plot.setRangeAxis(y);
        NumberAxis x = (NumberAxis) plot.getDomainAxis();
        x.setAutoRangeIncludesZero(true);
        labels.forEach(plot::addAnnotation);
        return ChartStyle.finish(chart, "solid: p50, dashed: p99, one point per probe; rings: the rate found "
                + "within the SLO");
    }

    /** Writes {@code dir/search_latency_vs_throughput.png} and {@code .svg}. */
    public static ChartFile write(Path dir, List<SearchResult> searches) {
        ChartStyle.headless();
        return ChartWriter.write(chart(searches), dir, NAME, "Every probe of the rate search: latency against the "
                + "throughput it achieved. The dotted line is the SLO's p99 bound; rings mark each cluster size's "
                + "highest rate within the SLO.");
    }

    /** The run's charts with the hockey stick first, when the run searched; the charts as they are otherwise. */
    public static RunCharts.Rendered withHockeyStick(RunCharts.Rendered charts, Path resultsDir,
                                                     List<SearchResult> searches) {
        if (searches.stream().allMatch(s -> s.probes().isEmpty())) return charts;
        List<ChartFile> run = new ArrayList<>();
        run.add(write(resultsDir.resolve(RunCharts.DIR), searches.stream().filter(s -> !s.probes().isEmpty()).toList()));
        run.addAll(charts.run());
        return new RunCharts.Rendered(run, charts.byCell());
    }

    private static java.util.Optional<SearchProbe> settled(SearchResult s) {
        if (s.maxSustainableRps() == null) return java.util.Optional.empty();
        for (int i = s.probes().size() - 1; i >= 0; i--) {
            SearchProbe p = s.probes().get(i);
            if (p.passed() && p.offeredRps() == s.maxSustainableRps()) return java.util.Optional.of(p);
        }
        return java.util.Optional.empty();
    }

    /** The p99 bounds of the searches' SLOs, in ms (the chart draws p99). */
    static List<Double> sloBounds(List<SearchResult> searches) {
        List<Double> out = new ArrayList<>();
        for (SearchResult s : searches) {
            for (Map.Entry<String, String> e : s.slo().entrySet()) {
                if (!e.getKey().equals("p99_ms")) continue;
                Matcher m = BOUND.matcher(e.getValue());
                if (m.find() && !out.contains(Double.parseDouble(m.group(1)))) out.add(Double.parseDouble(m.group(1)));
            }
        }
        return out;
    }

    private static void style(XYLineAndShapeRenderer r, int series, Color colour, BasicStroke stroke) {
        r.setSeriesPaint(series, colour);
        r.setSeriesStroke(series, stroke);
        r.setSeriesLinesVisible(series, true);
        r.setSeriesShapesVisible(series, true);
        r.setSeriesShape(series, new Rectangle2D.Double(-3, -3, 6, 6));
    }
}
