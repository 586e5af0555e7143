package io.repram.orchestrate.analysis;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;

/** The look shared by every chart: white background, light grid, lines with point markers. */
final class ChartStyle {

    static final Color GRID = new Color(0xDD, 0xDD, 0xDD);

    private ChartStyle() {
    }

    /** Call before the first chart: charts are drawn off-screen, and without this a machine without a display fails. */
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    /** A line chart with a marker on every measured point (the points are few and each one matters). */
    static JFreeChart lines(String title, String subtitle, String xLabel, String yLabel, XYSeriesCollection data) {
        JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, yLabel, data, PlotOrientation.VERTICAL,
                true, false, false);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        plot.setRenderer(renderer);
        NumberAxis x = (NumberAxis) plot.getDomainAxis();
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setAutoRangeIncludesZero(false);
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
        return finish(chart, subtitle);
    }

    static JFreeChart finish(JFreeChart chart, String subtitle) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getPlot().setBackgroundPaint(Color.WHITE);
        if (chart.getPlot() instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(GRID);
            xy.setRangeGridlinePaint(GRID);
        } else if (chart.getPlot() instanceof org.jfree.chart.plot.CategoryPlot cat) {
            cat.setRangeGridlinePaint(GRID);
        }
        if (subtitle != null) {
            chart.addSubtitle(new TextTitle(subtitle, new Font(Font.SANS_SERIF, Font.PLAIN, 12)));
        }
        chart.setAntiAlias(true);
        return chart;
    }
}
