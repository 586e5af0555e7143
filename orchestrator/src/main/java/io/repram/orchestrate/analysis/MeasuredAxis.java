package io.repram.orchestrate.analysis;

import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * A linear axis with a tick at each value the run measured and nowhere else: a tick at 2 nodes
 * when only 1 and 3 were run would suggest a point that does not exist. Where two labels would
 * overlap, the later one keeps its tick mark and grid line but loses its label.
 */
final class MeasuredAxis extends NumberAxis {

    private static final int LABEL_GAP_PX = 6;

    private final List<Double> values;

    MeasuredAxis(String label, Collection<? extends Number> measured) {
        super(label);
        values = measured.stream().map(Number::doubleValue).distinct().sorted().toList();
        setAutoRangeIncludesZero(false);
        setNumberFormatOverride(NumberFormat.getIntegerInstance(Locale.ROOT));
        // Points at the ends would sit on the plot's border; a margin keeps their markers whole.
        setLowerMargin(0.05);
        setUpperMargin(0.05);
    }

    /** The values ticked, ascending. */
    List<Double> values() {
        return values;
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        boolean horizontal = RectangleEdge.isTopOrBottom(edge);
        TextAnchor anchor = horizontal ? (edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER)
                : (edge == RectangleEdge.LEFT ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER_LEFT);
        var metrics = g2.getFontMetrics(getTickLabelFont());
        List ticks = new ArrayList();
        double lastEnd = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (!getRange().contains(v)) continue;
            String label = getNumberFormatOverride().format(v);
            double at = valueToJava2D(v, dataArea, edge);
            double half = (horizontal ? metrics.stringWidth(label) : metrics.getHeight()) / 2.0;
            double from = horizontal ? at - half : -at - half;
            boolean fits = from >= lastEnd + LABEL_GAP_PX;
            if (fits) lastEnd = from + 2 * half;
            ticks.add(new NumberTick(TickType.MAJOR, v, fits ? label : "", anchor,
                    TextAnchor.CENTER, 0.0));
        }
        return ticks;
    }
}
