package io.repram.dashboard.render;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;
import io.repram.dashboard.model.ClusterHealth;
import io.repram.dashboard.model.DashboardSnapshot;

import java.util.Locale;

/** The three header rows (title, matrix progress, cluster health) and the footer with the keys. */
final class HeaderView {

    static final String KEY_HINTS = " q quit · s skip scenario · ? help ";
    /** {@code monitor} has no scenarios to skip. */
    static final String MONITOR_KEY_HINTS = " q stop monitoring · ? help ";

    private HeaderView() {
    }

    static void draw(TextGraphics g, DashboardSnapshot s) {
        int width = g.getSize().getColumns();
        String times = "Elapsed " + Units.clock(s.elapsed()) + "  ETA " + Units.clock(s.eta()) + " ";
        String scenario = s.hasMatrix()
                ? "Scenario " + s.scenarioIndex() + "/" + s.scenarioCount() + ": " + s.scenarioName()
                : "Monitoring " + s.scenarioName();
        String room = " ".repeat(times.length() + 1);
        // The tool's name is the first thing to go on a narrow terminal; the scenario name the last.
        String title = " repram-orchestrate · " + s.runName() + " · ";
        if ((title + scenario + room).length() > width) {
            title = " " + s.runName() + " · ";
        }
        g.setBackgroundColor(TextColor.ANSI.BLUE);
        g.setForegroundColor(TextColor.ANSI.WHITE_BRIGHT);
        g.putString(0, 0, " ".repeat(width));
        String left = Units.fit(title + scenario, Math.max(0, width - room.length()));
        g.putString(0, 0, left, SGR.BOLD);
        if (times.length() < width) {
            g.putString(width - times.length(), 0, times);
        }
        g.setBackgroundColor(TextColor.ANSI.DEFAULT);

        drawProgress(g, s.progressFraction(), s.hasMatrix() ? "of matrix" : "of the time", width);

        ClusterHealth health = s.health();
        // Before the first cluster is up there is nothing to count: "0/0 healthy" in green read as a
        // healthy cluster of no nodes.
        boolean none = health.total() == 0;
        String healthText = none ? " Cluster: no nodes yet"
                : " Cluster: " + health.healthy() + "/" + health.total() + " nodes healthy";
        if (!health.allHealthy()) {
            healthText += " (" + (health.total() - health.healthy()) + " DOWN)";
        }
        g.setForegroundColor(none ? TextColor.ANSI.DEFAULT
                : health.allHealthy() ? TextColor.ANSI.GREEN_BRIGHT : TextColor.ANSI.RED_BRIGHT);
        g.putString(0, 2, Units.fit(healthText, width), SGR.BOLD);
        int statusColumn = healthText.length() + 3;
        if (statusColumn < width - 4 && !s.statusLine().isEmpty()) {
            g.setForegroundColor(TextColor.ANSI.YELLOW_BRIGHT);
            g.putString(statusColumn, 2, Units.fit(s.statusLine(), width - statusColumn));
        }
        g.setForegroundColor(TextColor.ANSI.DEFAULT);
    }

    private static void drawProgress(TextGraphics g, double fraction, String of, int width) {
        String label = String.format(Locale.ROOT, " %5.1f%% %s ", fraction * 100, of);
        int barWidth = Math.max(0, width - label.length() - 3);
        int filled = (int) Math.round(fraction * barWidth);
        g.putString(0, 1, " [");
        g.setForegroundColor(TextColor.ANSI.CYAN_BRIGHT);
        g.putString(2, 1, "█".repeat(filled));
        g.setForegroundColor(TextColor.ANSI.BLACK_BRIGHT);
        g.putString(2 + filled, 1, "░".repeat(barWidth - filled));
        g.setForegroundColor(TextColor.ANSI.DEFAULT);
        g.putString(2 + barWidth, 1, "]" + label);
    }

    static void drawFooter(TextGraphics g, ViewState state, boolean matrix) {
        String hints = matrix ? KEY_HINTS : MONITOR_KEY_HINTS;
        int width = g.getSize().getColumns();
        g.setBackgroundColor(TextColor.ANSI.WHITE);
        g.setForegroundColor(TextColor.ANSI.BLACK);
        g.putString(0, 0, " ".repeat(width));
        g.putString(0, 0, Units.fit(hints, width));
        if (!state.notice().isEmpty()) {
            String notice = " " + state.notice() + " ";
            int room = width - hints.length() - 2;
            if (room > 8) {
                String fitted = Units.fit(notice, room);
                g.setBackgroundColor(TextColor.ANSI.YELLOW);
                g.putString(width - fitted.length(), 0, fitted, SGR.BOLD);
            }
        }
        g.setBackgroundColor(TextColor.ANSI.DEFAULT);
        g.setForegroundColor(TextColor.ANSI.DEFAULT);
    }
}
