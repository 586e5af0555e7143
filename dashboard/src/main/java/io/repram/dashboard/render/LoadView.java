package io.repram.dashboard.render;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;
import io.repram.dashboard.model.LoadPanel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The load panel: rate, success, latency and totals of the latest interval, then errors by class. */
final class LoadView {

    private static final int LABEL_COLUMNS = 11;

    private LoadView() {
    }

    static void draw(TextGraphics g, LoadPanel load) {
        int width = g.getSize().getColumns();
        int height = g.getSize().getRows();
        if (load.idle()) {
            g.putString(0, 0, Units.fit("No load running", width));
            return;
        }
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {"Now", Units.requestRate(load.requestsPerSec())});
        lines.add(new String[] {"Success", successPercent(load.successPercent())});
        lines.add(new String[] {"p50 / p99", Units.millis(load.p50Millis()) + " / " + Units.millis(load.p99Millis())});
        lines.add(new String[] {"Requests", Units.count(load.totalRequests()) + " (" + Units.count(load.totalFailures()) + " failed)"});
        int errorRows = height - lines.size();
        lines.addAll(errorLines(load.errorsByClass(), errorRows));
        for (int row = 0; row < Math.min(height, lines.size()); row++) {
            String[] line = lines.get(row);
            g.setForegroundColor(TextColor.ANSI.CYAN);
            g.putString(0, row, Units.fit(line[0], LABEL_COLUMNS - 1));
            g.setForegroundColor(line[0].equals("Errors") || line[0].isEmpty()
                    ? (load.errorsByClass().isEmpty() ? TextColor.ANSI.GREEN : TextColor.ANSI.RED_BRIGHT)
                    : TextColor.ANSI.WHITE_BRIGHT);
            g.putString(LABEL_COLUMNS, row, Units.fit(line[1], width - LABEL_COLUMNS), SGR.BOLD);
        }
        g.setForegroundColor(TextColor.ANSI.DEFAULT);
    }

    /**
     * With one row the classes share a line; with more rows each class gets its own, and the last
     * row sums up whatever did not fit.
     */
    private static List<String[]> errorLines(Map<String, Long> errors, int rows) {
        List<String[]> lines = new ArrayList<>();
        if (rows <= 0) {
            return lines;
        }
        if (errors.isEmpty()) {
            lines.add(new String[] {"Errors", "none"});
            return lines;
        }
        List<String> entries = errors.entrySet().stream()
                .map(e -> e.getKey() + " " + Units.count(e.getValue())).toList();
        if (rows == 1 || entries.size() == 1) {
            lines.add(new String[] {"Errors", String.join(", ", entries)});
            return lines;
        }
        int shown = entries.size() <= rows ? entries.size() : rows - 1;
        for (int i = 0; i < shown; i++) {
            lines.add(new String[] {i == 0 ? "Errors" : "", entries.get(i)});
        }
        if (shown < entries.size()) {
            lines.add(new String[] {"", "+" + (entries.size() - shown) + " more classes"});
        }
        return lines;
    }

    /** Rounds down, so 99.96% shows as 99.9% and never as a clean-looking 100.0%. */
    static String successPercent(double percent) {
        if (Double.isNaN(percent)) {
            return Units.MISSING;
        }
        return String.format(Locale.ROOT, "%.1f%%", Math.floor(percent * 10) / 10);
    }
}
