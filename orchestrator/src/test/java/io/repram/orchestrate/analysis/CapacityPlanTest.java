package io.repram.orchestrate.analysis;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The capacity estimate read from a scaling-law fit, against curves made from a known model. */
class CapacityPlanTest {

    private static final UslFit.Model TRUTH = new UslFit.Model(3000, 0.08, 0.006, 1, 5);

    private static List<CapacityPlan.Point> curveOf(UslFit.Model m, int... sizes) {
        return IntStream.of(sizes).mapToObj(n -> new CapacityPlan.Point(n, m.throughput(n))).toList();
    }

    @Test
    void readsTheNodeCountFromTheFittedModel() {
        CapacityPlan.Estimate e = CapacityPlan.forTarget(curveOf(TRUTH, 1, 2, 3, 5, 7), 13_000, true);
        assertNotNull(e.model());
        assertEquals(TRUTH.nodesFor(13_000).orElseThrow(), e.nodesNeeded(), e.reasoning().toString());
        assertTrue(e.reasoning().get(0).startsWith("Universal Scalability Law fitted to 5 cluster sizes"), e.reasoning().get(0));
        assertTrue(e.reasoning().stream().anyMatch(s -> s.contains("describes this host")), "one-host caveat");
        assertTrue(e.reasoning().stream().anyMatch(s -> s.contains("beyond the largest measured size")), e.reasoning().toString());
        assertTrue(CapacityPlan.forTarget(curveOf(TRUTH, 1, 2, 3, 5, 7), 13_000, false).reasoning().stream()
                .noneMatch(s -> s.contains("describes this host")));
    }

    @Test
    void aTargetAboveTheModelsPeakNeedsNoNumber() {
        double ceiling = TRUTH.maxThroughput();
        CapacityPlan.Estimate e = CapacityPlan.forTarget(curveOf(TRUTH, 1, 3, 5, 9, 13), ceiling * 1.1, false);
        assertNull(e.nodesNeeded());
        assertTrue(e.reasoning().stream().anyMatch(s -> s.contains("above the model's ceiling")), e.reasoning().toString());
        assertTrue(e.reasoning().stream().anyMatch(s -> s.startsWith("The model peaks at 12.4 nodes")), e.reasoning().toString());
    }

    @Test
    void threeSizesSayTheFitCannotBeJudgedAndTwoFallBackToTheStraightLine() {
        CapacityPlan.Estimate three = CapacityPlan.forTarget(curveOf(TRUTH, 1, 3, 5), 9000, true);
        assertTrue(three.reasoning().stream().anyMatch(s -> s.contains("R² = 1 says nothing")), three.reasoning().toString());
        CapacityPlan.Estimate two = CapacityPlan.forTarget(curveOf(TRUTH, 1, 3), 4000, true);
        assertNull(two.model());
        assertTrue(two.reasoning().stream().anyMatch(s -> s.contains("no scaling law was fitted")), two.reasoning().toString());
        assertTrue(two.reasoning().get(0).startsWith("Interpolated linearly"), two.reasoning().toString());
    }

    @Test
    void theBaselineSectionShowsTheParametersOrWhyThereAreNone() {
        String fitted = BaselineReport.scalingModel(curveOf(TRUTH, 1, 2, 3, 5, 7), false);
        assertTrue(fitted.contains("| 3,000.0 | 0.0800 | 0.00600 | 1.000 | 12.4 nodes"), fitted);
        String none = BaselineReport.scalingModel(curveOf(TRUTH, 3), false);
        assertTrue(none.contains("needs at least 3 measured cluster sizes, this run has 1"), none);
        assertTrue(!fitted.contains("NaN") && !none.contains("NaN"));
    }

    @Test
    void theScalingChartShowsTheMeasuredPointsTheFittedCurveAndTheTarget() {
        List<CapacityPlan.Point> curve = curveOf(TRUTH, 1, 2, 3, 5, 7);
        UslFit.Model fit = UslFit.fit(curve.stream().map(p -> new UslFit.Point(p.nodes(), p.requestsPerSec())).toList())
                .orElseThrow();
        org.jfree.chart.JFreeChart chart = ScalingChart.chart(curve, fit, 12_000.0);
        org.jfree.chart.plot.XYPlot plot = chart.getXYPlot();
        org.jfree.data.xy.XYDataset data = plot.getDataset();
        assertEquals(curve.size(), data.getItemCount(0));
        for (int i = 0; i < curve.size(); i++) {
            assertEquals(curve.get(i).nodes(), data.getXValue(0, i));
            assertEquals(curve.get(i).requestsPerSec(), data.getYValue(0, i), 1e-6);
        }
        // The line is the model: at 13 nodes (not measured) it gives the truth's throughput.
        int at13 = -1;
        for (int i = 0; i < data.getItemCount(1); i++) {
            if (Math.abs(data.getXValue(1, i) - 13) < 1e-9) at13 = i;
        }
        assertTrue(at13 >= 0, "the curve reaches past the largest measured size");
        assertEquals(TRUTH.throughput(13), data.getYValue(1, at13), TRUTH.throughput(13) * 0.01);
        var renderer = (org.jfree.chart.renderer.xy.XYLineAndShapeRenderer) plot.getRenderer();
        assertTrue(!renderer.getSeriesLinesVisible(0) && renderer.getSeriesShapesVisible(0), "measured: points only");
        assertEquals(1, plot.getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND).size());
        var target = (org.jfree.chart.plot.ValueMarker) plot.getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND)
                .iterator().next();
        assertEquals(12_000, target.getValue());
    }
}
