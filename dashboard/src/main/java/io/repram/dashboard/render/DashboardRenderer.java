package io.repram.dashboard.render;

import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;
import io.repram.dashboard.model.DashboardSnapshot;

import java.util.List;

/**
 * Draws one frame into any {@link TextGraphics}: a pure function of size, snapshot and view state,
 * with no threads and no terminal of its own, so tests can render into a virtual terminal.
 */
public final class DashboardRenderer {

    private DashboardRenderer() {
    }

    /**
     * @param snapshot the figures to show; {@code null} before the orchestrator sent the first one
     */
    public static void render(TextGraphics g, DashboardSnapshot snapshot, ViewState state) {
        int columns = g.getSize().getColumns();
        int rows = g.getSize().getRows();
        g.setBackgroundColor(TextColor.ANSI.DEFAULT);
        g.setForegroundColor(TextColor.ANSI.DEFAULT);
        g.fill(' ');
        if (!Layout.fits(columns, rows)) {
            drawCentered(g, "Terminal too small: " + columns + "x" + rows + ", need at least "
                    + Layout.MIN_COLUMNS + "x" + Layout.MIN_ROWS + " (q quits)");
            return;
        }
        if (snapshot == null) {
            drawCentered(g, state.matrix() ? "Waiting for the first figures of the run..." : "Waiting for the nodes' first figures...");
        } else {
            drawPanels(g, snapshot, columns, rows);
        }
        // Before the first snapshot only the view state says which command runs.
        boolean matrix = snapshot == null ? state.matrix() : snapshot.hasMatrix();
        HeaderView.drawFooter(new Rect(0, rows - 1, columns, 1).within(g), state, matrix);
        if (state.helpShown()) {
            HelpOverlay.draw(g, matrix ? HelpOverlay.LINES : HelpOverlay.MONITOR_LINES);
        }
    }

    private static void drawPanels(TextGraphics g, DashboardSnapshot s, int columns, int rows) {
        Layout layout = Layout.of(columns, rows, s.nodes().size(), s.events().size());
        HeaderView.draw(layout.header().within(g), s);
        // monitor has no load of its own: its figures are the nodes' own counters, current throughout.
        // A paused matrix run sends no new node figures either, so they are the last measured second's.
        boolean current = !s.hasMatrix() || !s.load().idle();
        NodeTable.draw(Frame.draw(g, layout.nodes(), current || s.nodes().isEmpty() ? "Nodes"
                : "Nodes · as of the last measured second"), s.nodes());
        if (!layout.load().isEmpty()) {
            LoadView.draw(Frame.draw(g, layout.load(), "Load"), s.load());
            if (s.ladder().isEmpty()) {
                ThroughputChart.draw(Frame.draw(g, layout.chart(), ThroughputChart.title(s.throughputHistory(),
                        layout.chart().width() - 6, current)), s.throughputHistory(), current);
            } else {
                drawLines(Frame.draw(g, layout.chart(), "Probe ladder"), s.ladder());
            }
        }
        if (!layout.events().isEmpty()) {
            drawLines(Frame.draw(g, layout.events(), "Events"), s.events());
        }
    }

    /** Newest lines at the bottom, like a log tail. */
    private static void drawLines(TextGraphics g, List<String> events) {
        int rows = g.getSize().getRows();
        int width = g.getSize().getColumns();
        List<String> tail = events.subList(Math.max(0, events.size() - rows), events.size());
        for (int i = 0; i < tail.size(); i++) {
            g.putString(1, i, Units.fit(tail.get(i), width - 2));
        }
    }

    private static void drawCentered(TextGraphics g, String text) {
        int columns = g.getSize().getColumns();
        String fitted = Units.fit(text, columns);
        g.putString(Math.max(0, (columns - fitted.length()) / 2), g.getSize().getRows() / 2, fitted);
    }
}
