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
import java.util.ArrayList;
import java.util.List;

/**
 * The percentile axis of HdrHistogram's plots: position {@code 1/(1-p)} on a log scale, so that
 * 90 %, 99 %, 99.9 % … are equally far apart and the tail gets as much room as the body. The axis
 * runs from 0 % to 99.999 %, labelled at each added nine.
 */
final class PercentileAxis extends LogAxis {

    /** 99.999 %: 1/(1-0.99999). */
    static final double MAX_POSITION = 100_000;
    private static final String[] LABELS = {"0%", "90%", "99%", "99.9%", "99.99%", "99.999%"};

    PercentileAxis(String label) {
        super(label);
        setBase(10);
        setSmallestValue(1);
        setRange(new Range(1, MAX_POSITION), true, false);
    }

    /** Where {@code percentile} (0 ≤ p < 100) sits on the axis. */
    static double position(double percentile) {
        return 1 / (1 - percentile / 100);
    }

    /** The inverse of {@link #position}. */
    static double percentile(double position) {
        return 100 * (1 - 1 / position);
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        TextAnchor anchor = edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER;
        List ticks = new ArrayList();
        for (int nines = 0; nines < LABELS.length; nines++) {
            double v = Math.pow(10, nines);
            ticks.add(new NumberTick(TickType.MAJOR, v, LABELS[nines], anchor, TextAnchor.CENTER, 0.0));
            // Grid lines at positions 2 and 5 of each decade (50 % and 80 %, 95 % and 98 %, …) help read between the nines.
            for (double step : new double[]{2, 5}) {
                if (nines < LABELS.length - 1) {
                    ticks.add(new NumberTick(TickType.MINOR, v * step, "", anchor, TextAnchor.CENTER, 0.0));
                }
            }
        }
        return ticks;
    }
}
