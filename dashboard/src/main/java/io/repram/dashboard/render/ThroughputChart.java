package io.repram.dashboard.render;

import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;

import java.util.List;

/**
 * Bar chart of requests per second over the last 60 s or more. One column stands for one second
 * when the panel is at least 60 columns wide (a wider panel shows more history); a narrower panel
 * averages several seconds per column so that 60 s always fit. Bar tops use eighth blocks, so a
 * chart of {@code h} rows resolves {@code 8h} levels.
 */
final class ThroughputChart {

    static final int MIN_SPAN_SECONDS = 60;
    private static final char[] EIGHTHS = {' ', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'};

    /** The columns to draw: per-column averages ({@code NaN} where no data yet) and the seconds they cover. */
    record Series(double[] columns, int secondsPerColumn) {
        int spanSeconds() {
            return columns.length * secondsPerColumn;
        }

        double columnsMax() {
            double max = 0;
            for (double v : columns) {
                if (!Double.isNaN(v)) {
                    max = Math.max(max, v);
                }
            }
            return max;
        }
    }

    private ThroughputChart() {
    }

    static Series bucket(List<Double> history, int columns) {
        int perColumn = Math.max(1, (MIN_SPAN_SECONDS + columns - 1) / columns);
        double[] values = new double[columns];
        int end = history.size();
        for (int c = columns - 1; c >= 0; c--) {
            int from = end - perColumn;
            double sum = 0;
            int n = 0;
            for (int i = Math.max(0, from); i < end; i++) {
                sum += history.get(i);
                n++;
            }
            values[c] = n == 0 ? Double.NaN : sum / n;
            end = from;
        }
        return new Series(values, perColumn);
    }

    /** The smallest round step (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 times a power of ten) at least {@code value}. */
    static double niceCeiling(double value) {
        if (value <= 0 || Double.isNaN(value)) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    /**
     * Title for the chart's box, shortened to {@code width}; the span shown is on the x axis. The
     * newest second is "now" while the figures keep coming and "last" while they are paused. Before
     * the first measured second it says so: "0.0 req/s" would read as a load that gets nothing done.
     */
    static String title(List<Double> history, int width, boolean current) {
        if (history.isEmpty()) {
            return "Throughput · no load yet";
        }
        double now = history.get(history.size() - 1);
        double peak = history.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        String newest = current ? "now" : "last";
        String full = "Throughput · " + newest + " " + Units.requestRate(now) + " · peak " + Units.requestRate(peak);
        if (full.length() <= width) {
            return full;
        }
        return "Throughput req/s: " + newest + " " + Units.requestRate(now).replace(" req/s", "")
                + ", peak " + Units.requestRate(peak).replace(" req/s", "");
    }

    /** @param current whether the newest second is the present one ("now") or the last before a pause ("last") */
    static void draw(TextGraphics g, List<Double> history, boolean current) {
        int width = g.getSize().getColumns();
        int height = g.getSize().getRows();
        if (height < 2 || width < 10) {
            return;
        }
        int barRows = height - 1;
        // The label column must fit the largest label, which depends on the scale, which depends on the data.
        double top = niceCeiling(bucket(history, Math.max(1, width - 6)).columnsMax());
        String topLabel = Units.compact(top);
        int labelWidth = topLabel.length() + 1;
        int barColumns = width - labelWidth;
        Series series = bucket(history, barColumns);
        top = niceCeiling(series.columnsMax());
        topLabel = Units.compact(top);

        g.setForegroundColor(TextColor.ANSI.WHITE);
        g.putString(0, 0, pad(topLabel, labelWidth - 1));
        g.putString(0, barRows - 1, pad("0", labelWidth - 1));
        if (barRows >= 6) {
            g.putString(0, barRows / 2, pad(Units.compact(top / 2), labelWidth - 1));
        }
        g.setForegroundColor(TextColor.ANSI.GREEN_BRIGHT);
        for (int c = 0; c < barColumns; c++) {
            double value = series.columns()[c];
            if (Double.isNaN(value) || value <= 0) {
                continue;
            }
            int eighths = (int) Math.round(value / top * barRows * 8);
            eighths = Math.max(1, Math.min(barRows * 8, eighths));
            for (int r = 0; r < barRows && eighths > 0; r++) {
                int cell = Math.min(8, eighths);
                g.setCharacter(labelWidth + c, barRows - 1 - r, EIGHTHS[cell]);
                eighths -= cell;
            }
        }
        g.setForegroundColor(TextColor.ANSI.WHITE);
        String left = "-" + series.spanSeconds() + "s";
        String right = current ? "now" : "last";
        g.putString(labelWidth, barRows, left);
        g.putString(width - right.length(), barRows, right);
        String middle = "-" + series.spanSeconds() / 2 + "s";
        int middleColumn = labelWidth + barColumns / 2 - middle.length() / 2;
        if (middleColumn > labelWidth + left.length() + 1 && middleColumn + middle.length() < width - right.length() - 1) {
            g.putString(middleColumn, barRows, middle);
        }
        g.setForegroundColor(TextColor.ANSI.DEFAULT);
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : " ".repeat(width - text.length()) + text;
    }
}
