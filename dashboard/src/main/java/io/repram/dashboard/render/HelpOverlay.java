package io.repram.dashboard.render;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;

import java.util.List;

/** The box that {@code ?} puts over the panels. */
final class HelpOverlay {

    static final String TITLE = "Help";

    static final List<String> LINES = List.of(
            "q    stop gracefully: finished scenarios' results",
            "     are written, then the cluster is torn down",
            "s    skip the current scenario",
            "?    show or hide this help (Esc hides it too)",
            "",
            "Header   run, scenario i/N, elapsed, ETA, progress",
            "Nodes    health, CPU, memory, network, requests,",
            "         items stored per node (- = not measured)",
            "Load     latest second: req/s, success, p50/p99,",
            "         totals of this scenario, errors by class",
            "Chart    cluster req/s, one bar per second or more");

    /** {@code monitor} only watches: q leaves the cluster running, and there is nothing to skip. */
    static final List<String> MONITOR_LINES = List.of(
            "q    stop monitoring and write the summary;",
            "     the cluster keeps running",
            "?    show or hide this help (Esc hides it too)",
            "",
            "Header   what is watched, elapsed, time left",
            "Nodes    health, CPU, memory, network, requests,",
            "         items stored per node (- = not measured)",
            "Load     latest second: req/s, success, p50/p99,",
            "         totals since the start, errors by class",
            "Chart    cluster req/s, one bar per second or more");

    private HelpOverlay() {
    }

    static void draw(TextGraphics screen) {
        draw(screen, LINES);
    }

    static void draw(TextGraphics screen, List<String> lines) {
        int width = screen.getSize().getColumns();
        int height = screen.getSize().getRows();
        int boxWidth = Math.min(width - 2, lines.stream().mapToInt(String::length).max().orElse(0) + 4);
        int boxHeight = Math.min(height - 2, lines.size() + 2);
        Rect area = new Rect((width - boxWidth) / 2, (height - boxHeight) / 2, boxWidth, boxHeight);
        TextGraphics g = area.within(screen);
        g.setBackgroundColor(TextColor.ANSI.BLACK);
        g.fill(' ');
        TextGraphics inside = Frame.draw(g, new Rect(0, 0, boxWidth, boxHeight), TITLE);
        inside.setBackgroundColor(TextColor.ANSI.BLACK);
        inside.setForegroundColor(TextColor.ANSI.WHITE_BRIGHT);
        for (int row = 0; row < Math.min(lines.size(), boxHeight - 2); row++) {
            inside.putString(1, row, Units.fit(lines.get(row), boxWidth - 4), row < lines.indexOf("") ? SGR.BOLD : SGR.ITALIC);
        }
    }
}
