package io.repram.orchestrate.analysis;

import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A logarithmic latency axis in milliseconds. Latencies of one chart span decades (a 1-node p50
 * of 0.2 ms next to a 5-node p99 of 80 ms), which a linear axis flattens onto 0. Ticks sit at 1, 2
 * and 5 of each decade, so even a range within one decade is labelled, and the range is widened to
 * the next such step on each side.
 */
final class LatencyAxis extends LogAxis {

    private static final double[] STEPS = {1, 2, 5};
    private static final double HEADROOM = 1.1;
    /** Below this many pixels per label only the powers of ten keep theirs. */
    private static final int MIN_PX_PER_LABEL = 22;
    private static final DecimalFormat FORMAT = new DecimalFormat("#,##0.###", DecimalFormatSymbols.getInstance(Locale.ROOT));

    LatencyAxis(String label) {
        super(label);
        setBase(10);
        setSmallestValue(0.001);
    }

    /**
     * Sets the range to the 1-2-5 steps around {@code data}; without any positive value (a cell
     * where nothing succeeded) 0.1 to 1 ms, since a log axis has no range that includes 0.
     */
    void fit(Range data) {
        if (data == null || !(data.getUpperBound() > 0)) {
            setRange(new Range(0.1, 1), true, false);
            return;
        }
        // A little room beyond the data, so that a line at the extreme does not run along the plot's border.
        double low = Math.max(data.getLowerBound() / HEADROOM, getSmallestValue());
        double lower = stepAtOrBelow(low);
        double upper = stepAtOrAbove(Math.max(data.getUpperBound() * HEADROOM, low));
        if (upper <= lower) upper = stepAtOrAbove(lower * 1.01);
        setRange(new Range(lower, upper), true, false);
    }

    static double stepAtOrBelow(double v) {
        int exponent = (int) Math.floor(Math.log10(v));
        for (int i = STEPS.length - 1; i >= 0; i--) {
            double candidate = step(STEPS[i], exponent);
            if (candidate <= v * (1 + 1e-9)) return candidate;
        }
        return step(1, exponent);
    }

    static double stepAtOrAbove(double v) {
        int exponent = (int) Math.floor(Math.log10(v));
        for (double s : STEPS) {
            double candidate = step(s, exponent);
            if (candidate >= v * (1 - 1e-9)) return candidate;
        }
        return step(1, exponent + 1);
    }

    /** {@code step × 10^exponent}, parsed from its decimal text so that 0.2 is the double the literal 0.2 is. */
    private static double step(double step, int exponent) {
        return Double.parseDouble((int) step + "e" + exponent);
    }

    /** The 1-2-5 values within the range, ascending. */
    List<Double> tickValues() {
        List<Double> out = new ArrayList<>();
        Range r = getRange();
        int first = (int) Math.floor(Math.log10(r.getLowerBound()));
        int last = (int) Math.ceil(Math.log10(r.getUpperBound()));
        for (int exponent = first; exponent <= last; exponent++) {
            for (double step : STEPS) {
                double v = step(step, exponent);
                if (v >= r.getLowerBound() * (1 - 1e-9) && v <= r.getUpperBound() * (1 + 1e-9)) out.add(v);
            }
        }
        return out;
    }

    static String label(double millis) {
        return FORMAT.format(millis);
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        boolean vertical = RectangleEdge.isLeftOrRight(edge);
        TextAnchor anchor = vertical ? (edge == RectangleEdge.LEFT ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER_LEFT)
                : (edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER);
        List<Double> values = tickValues();
        double length = vertical ? dataArea.getHeight() : dataArea.getWidth();
        boolean all = values.size() <= 1 || length / values.size() >= MIN_PX_PER_LABEL;
        List ticks = new ArrayList();
        for (double v : values) {
            boolean decade = Math.abs(Math.log10(v) - Math.rint(Math.log10(v))) < 1e-9;
            boolean labelled = all || decade;
            ticks.add(new NumberTick(labelled ? TickType.MAJOR : TickType.MINOR, v, labelled ? label(v) : "",
                    anchor, TextAnchor.CENTER, 0.0));
        }
        return ticks;
    }
}
