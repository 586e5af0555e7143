package io.repram.orchestrate.analysis;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;

/** The look shared by every chart: white background, light grid, one palette, solid and dashed lines. */
final class ChartStyle {

    static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
    static final Color MINOR_GRID = new Color(0xF0, 0xF0, 0xF0);
    /**
     * Line colours, each readable on white (no yellow); a cluster size keeps its colour in every
     * chart because it is picked by the size's rank among the run's sizes.
     */
    private static final Color[] PALETTE = {new Color(0x1F77B4), new Color(0xD62728), new Color(0x2CA02C),
            new Color(0x9467BD), new Color(0xFF7F0E), new Color(0x8C564B), new Color(0xE377C2), new Color(0x17BECF),
            new Color(0x7F7F7F)};
    /** p50 and other central figures. */
    static final BasicStroke SOLID = new BasicStroke(2f);
    /** p99 and other tail figures: the same colour as the p50 of the same thing, dashed. */
    static final BasicStroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[]{7f, 4f}, 0f);

    private ChartStyle() {
    }

    static Color colour(int index) {
        return PALETTE[index % PALETTE.length];
    }

    /** Call before the first chart: charts are drawn off-screen, and without this a machine without a display fails. */
    static void headless() {
        System.setProperty("java.awt.headless", "true");
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
