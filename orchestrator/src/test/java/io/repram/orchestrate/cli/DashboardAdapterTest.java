package io.repram.orchestrate.cli;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import io.repram.dashboard.Dashboard;
import io.repram.dashboard.DashboardListener;
import io.repram.orchestrate.results.IntervalFigures;
import io.repram.orchestrate.run.LiveSnapshot;
import io.repram.orchestrate.scenario.Cell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** What the dashboard shows of the runner's signals: figures while load runs, and why when it does not. */
class DashboardAdapterTest {

    /** Bounds a hang only: the render thread shares two cores with other builds. */
    private static final long WAIT_MILLIS = 10_000;

    private final DefaultVirtualTerminal terminal = new DefaultVirtualTerminal(new TerminalSize(100, 30));
    private Dashboard dashboard;

    @AfterEach
    void close() {
        if (dashboard != null) dashboard.close();
    }

    private String screen() {
        TerminalSize size = terminal.getTerminalSize();
        StringBuilder text = new StringBuilder();
        for (int row = 0; row < size.getRows(); row++) {
            for (int column = 0; column < size.getColumns(); column++) {
                text.append(terminal.getCharacter(column, row).getCharacterString());
            }
            text.append('\n');
        }
        return text.toString();
    }

    private String await(String what, Predicate<String> condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        String s;
        while (!condition.test(s = screen())) {
            if (System.currentTimeMillis() > deadline) fail("timed out waiting for " + what + "; screen:\n" + s);
            Thread.sleep(20);
        }
        return s;
    }

    /**
     * A cooldown after 65 s of a run with 4,812 req/s in its last second: the status says it cools
     * down, the load panel says none runs, the chart calls that second the last, not now, the node
     * table says its rows are from then, and the clock runs on. Before, the header read "measuring" with the clock stopped at the cell's end.
     */
    @Test
    void aCooldownSaysSoAndStopsShowingTheLastSecondsLoad() throws Exception {
        dashboard = Dashboard.open(terminal, new DashboardListener() {
            @Override
            public void onQuit() {
            }

            @Override
            public void onSkip() {
            }
        }, Duration.ofMillis(100));
        DashboardAdapter adapter = new DashboardAdapter(dashboard, "quick");
        Cell cell = new Cell(0, 1, 10, 1024);
        adapter.cellStarted(cell, 1, 2);
        IntervalFigures second = new IntervalFigures(0, 1.0, 4_812, 4_812, 0, 900, 3_100, false, Map.of());
        List<LiveSnapshot.NodeLive> node = List.of(new LiveSnapshot.NodeLive(0, "node-0", true, null, Double.NaN,
                Double.NaN, 97_112, 500, 0, 100));
        adapter.live(new LiveSnapshot(cell, 1, 2, 60_000, 65_000, 60_000, 0.5, second, 288_720, 288_720, node));
        await("the measured second", s -> s.contains("measuring") && s.contains("4,812") && s.contains("node-0"));
        assertFalse(screen().contains("as of the last measured second"), screen());

        adapter.paused("cooling down 10 s between scenarios");
        String cooling = await("the cooldown", s -> s.contains("cooling down 10 s between scenarios")
                && s.contains("No load running") && s.contains("last 4,812 req/s"));
        assertFalse(cooling.contains("measuring") || cooling.contains("now 4,812"), cooling);
        assertTrue(cooling.contains("Nodes · as of the last measured second"), "the node rows are dated: " + cooling);
        await("the clock running on", s -> s.contains("Elapsed 01:07"));

        adapter.live(new LiveSnapshot(cell, 1, 2, 61_000, 76_000, 59_000, 0.5, second, 288_720, 288_720, List.of()));
        await("figures again", s -> s.contains("measuring") && !s.contains("cooling down") && s.contains("4,812"));
    }
}
