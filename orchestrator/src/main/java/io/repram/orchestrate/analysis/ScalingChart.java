package io.repram.orchestrate.analysis;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The scaling model beside its evidence: measured best throughput per cluster size as points, the
 * fitted Universal Scalability Law as a line, and the target load as a horizontal marker.
 */
public final class ScalingChart {

    public static final String NAME = "scaling_model";
    static final Color MEASURED = new Color(0x1F, 0x77, 0xB4);
    static final Color MODEL = new Color(0xD6, 0x27, 0x28);

    private ScalingChart() {
    }

    /** @param targetRps null for no target line */
    public static JFreeChart chart(List<CapacityPlan.Point> curve, UslFit.Model m, Double targetRps) {
        boolean searched = curve.stream().anyMatch(CapacityPlan.Point::searched);
        XYSeries measured = new XYSeries(searched ? "measured (max sustainable rate within the SLO per size)"
                : "measured (best healthy cell per size)");
        curve.forEach(p -> measured.add(p.nodes(), p.requestsPerSec()));
        int largest = curve.stream().mapToInt(CapacityPlan.Point::nodes).max().orElse(1);
        int until = Math.max(largest * 2, m.peakNodes().map(p -> (int) Math.ceil(p * 1.3)).orElse(0));
        until = Math.min(until, Math.max(largest * 4, 8));
        XYSeries model = new XYSeries(String.format(Locale.ROOT, "USL fit: λ %,.0f, σ %.3f, κ %.4f, R² %.3f",
                m.lambda(), m.sigma(), m.kappa(), m.rSquared()));
        for (int i = 0; i <= until * 10; i++) {
            double n = 1 + i / 10.0;
            if (n > until) break;
            model.add(n, m.throughput(n));
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(measured);
        data.addSeries(model);
        JFreeChart chart = ChartFactory.createXYLineChart("Throughput against cluster size, with the scaling model",
                "nodes", "requests/s", data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        renderer.setSeriesLinesVisible(0, false);
        renderer.setSeriesShapesVisible(0, true);
        renderer.setSeriesPaint(0, MEASURED);
        renderer.setSeriesLinesVisible(1, true);
        renderer.setSeriesShapesVisible(1, false);
        renderer.setSeriesPaint(1, MODEL);
        renderer.setSeriesStroke(1, new BasicStroke(2f));
        plot.setRenderer(renderer);
        NumberAxis x = (NumberAxis) plot.getDomainAxis();
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setRange(0.5, until + 0.5);
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
        if (targetRps != null) {
            ValueMarker target = new ValueMarker(targetRps, Color.DARK_GRAY, new BasicStroke(1.5f,
                    BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            target.setLabel(String.format(Locale.ROOT, "target %,.0f req/s", targetRps));
            target.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            target.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
            plot.addRangeMarker(target);
        }
        return ChartStyle.finish(chart, "points: measured; line: X(N) = λN / (1 + σ(N−1) + κN(N−1))");
    }

    /** Writes {@code dir/scaling_model.png} and {@code .svg}. */
    public static ChartFile write(Path dir, List<CapacityPlan.Point> curve, UslFit.Model m, Double targetRps) {
        ChartStyle.headless();
        return ChartWriter.write(chart(curve, m, targetRps), dir, NAME,
                "Measured best throughput per cluster size and the fitted Universal Scalability Law.");
    }
}
