package io.repram.dashboard.render;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import io.repram.dashboard.SampleSnapshots;
import io.repram.dashboard.ScreenText;
import io.repram.dashboard.model.DashboardSnapshot;
import io.repram.dashboard.model.NodeRow;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.repram.dashboard.ScreenText.rowWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DashboardRendererTest {

    static DefaultVirtualTerminal render(int columns, int rows, DashboardSnapshot snapshot, ViewState state)
            throws IOException {
        DefaultVirtualTerminal terminal = new DefaultVirtualTerminal(new TerminalSize(columns, rows));
        TerminalScreen screen = new TerminalScreen(terminal);
        screen.startScreen();
        DashboardRenderer.render(screen.newTextGraphics(), snapshot, state);
        screen.refresh();
        return terminal;
    }

    /** The span on the chart's time axis, e.g. 78 for "-78s ... now". */
    private static int chartSpanSeconds(DefaultVirtualTerminal t) {
        Matcher span = Pattern.compile("-(\\d+)s\\s").matcher(rowWith(t, "now│"));
        assertTrue(span.find(), "time axis: " + rowWith(t, "now│"));
        return Integer.parseInt(span.group(1));
    }

    @Test
    void beforeTheFirstClusterIsUpTheHeaderSaysSoInsteadOfZeroOfZeroHealthy() throws IOException {
        DefaultVirtualTerminal t = render(80, 24, SampleSnapshots.withNodes(List.of(), 0), ViewState.PLAIN);
        String row = rowWith(t, "Cluster:");
        assertTrue(row.contains("Cluster: no nodes yet"), row);
        assertFalse(ScreenText.text(t).contains("0/0"), ScreenText.text(t));

        DefaultVirtualTerminal up = render(80, 24, SampleSnapshots.manyNodes(2), ViewState.PLAIN);
        assertTrue(rowWith(up, "Cluster:").contains("Cluster: 2/2 nodes healthy"), rowWith(up, "Cluster:"));
    }

    @Test
    void at80x24ShowsEveryPanelWithUnits() throws IOException {
        DefaultVirtualTerminal t = render(80, 24, SampleSnapshots.threeNodesOneDown(), ViewState.PLAIN);
        String screen = ScreenText.text(t);

        String header = rowWith(t, "nightly-scale");
        assertTrue(header.contains("Scenario 3/12: write-heavy-5n"), header);
        assertTrue(header.contains("Elapsed 03:12") && header.contains("ETA 21:40"), header);
        assertTrue(rowWith(t, "of matrix").contains(" 25.0% of matrix"));
        assertTrue(rowWith(t, "nodes healthy").contains("Cluster: 2/3 nodes healthy (1 DOWN)"));

        String node1 = rowWith(t, "node-1");
        for (String expected : List.of(" UP ", "12.3%", "256.0 MiB", "1.2 MiB/s", "48,120", "9,876")) {
            assertTrue(node1.contains(expected), "node-1 row lacks " + expected + ": " + node1);
        }
        String node2 = rowWith(t, "node-2");
        assertTrue(node2.contains("DOWN"), node2);
        assertTrue(node2.contains("1,234"), node2);
        assertFalse(node2.contains(" UP "), node2);

        assertTrue(rowWith(t, "Now").contains("4,812 req/s"));
        assertTrue(rowWith(t, "Success").contains("99.9%"), "99.96% must not round up to 100.0%");
        assertTrue(rowWith(t, "p50 / p99").contains("3.4 ms / 12.1 ms"));
        assertTrue(rowWith(t, "failed)").contains("Requests   284,000 (12 failed)"));
        assertTrue(rowWith(t, "Errors").contains("timeout 8"));
        assertTrue(screen.contains("█"), "throughput chart draws bars");
        assertTrue(chartSpanSeconds(t) >= 60, "the chart covers at least 60 s");
        assertTrue(rowWith(t, "Throughput req/s").contains("now 4,666, peak 4,800"));
        assertTrue(screen.contains("fault: kill node-2"));
        assertTrue(ScreenText.lines(t).get(23).contains("q quit"));
    }

    @Test
    void aRateSearchShowsItsProbeLadderInPlaceOfTheChartAt80Columns() throws IOException {
        DashboardSnapshot base = SampleSnapshots.threeNodesOneDown();
        List<String> ladder = new ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            ladder.add(String.format(java.util.Locale.ROOT, "%2d ramp   %,7d→%,7d/s p99 4.1ms ok", i, 500 << i, 500 << i));
        }
        ladder.add("= 128,000 req/s within the SLO, confirmed");
        DashboardSnapshot s = new DashboardSnapshot(base.runName(), base.scenarioIndex(), base.scenarioCount(),
                base.scenarioName(), base.elapsed(), base.eta(), base.progressFraction(), base.health(), base.nodes(),
                base.load(), base.throughputHistory(), base.events(), base.statusLine(), ladder);
        DefaultVirtualTerminal t = render(80, 24, s, ViewState.PLAIN);
        String screen = ScreenText.text(t);
        assertTrue(screen.contains("Probe ladder"), screen);
        assertFalse(screen.contains("Throughput req/s"), "the ladder takes the chart's place: " + screen);
        // Newest at the bottom: the outcome line shows, whole, and the oldest probes give way.
        assertTrue(rowWith(t, "= 128,000").contains("= 128,000 req/s within the SLO, confirmed"), screen);
        assertTrue(rowWith(t, " 9 ramp").contains("256,000→256,000/s p99 4.1ms ok"), screen);
        assertFalse(screen.contains(" 1 ramp"), screen);
        assertTrue(rowWith(t, "Now").contains("4,812 req/s"), "the load panel stays: " + screen);
        for (String line : ScreenText.lines(t)) assertTrue(line.length() <= 80, line);
    }

    @Test
    void at200x60UsesAllColumnsAndATallerChart() throws IOException {
        DefaultVirtualTerminal t = render(200, 60, SampleSnapshots.threeNodesOneDown(), ViewState.PLAIN);

        String header = rowWith(t, "Status");
        for (String column : List.of("Node", "CPU %", "Memory", "Net rx", "Net tx", "Requests", "Items")) {
            assertTrue(header.contains(column), "missing column " + column + ": " + header);
        }
        String node3 = rowWith(t, "node-3");
        assertTrue(node3.contains("800.0 KiB/s") && node3.contains("2.0 MiB/s"), node3);
        assertTrue(rowWith(t, "node-2").contains("DOWN"));
        long barRows = ScreenText.lines(t).stream().filter(l -> l.contains("█")).count();
        assertTrue(barRows > 15, "chart should grow with the terminal, bar rows: " + barRows);
        assertTrue(ScreenText.text(t).contains("warm-up done, measuring"));
        assertTrue(chartSpanSeconds(t) > 60, "a wide chart shows more than 60 s: " + rowWith(t, "now│"));
    }

    @Test
    void manyNodesAt80x24KeepDownNodesAndSayWhatIsHidden() throws IOException {
        List<NodeRow> nodes = new ArrayList<>(SampleSnapshots.manyNodes(15).nodes());
        NodeRow dead = nodes.get(13);
        nodes.set(13, new NodeRow(dead.node(), false, 0, 0, 0, 0, dead.requests(), 0));
        DefaultVirtualTerminal t = render(80, 24, SampleSnapshots.withNodes(nodes, 0), ViewState.PLAIN);

        assertTrue(rowWith(t, "node-14").contains("DOWN"), "a DOWN node must stay visible");
        assertTrue(rowWith(t, "more nodes").contains("more nodes"));
        assertTrue(ScreenText.text(t).contains("4,812 req/s"), "load panel still fits");
        assertTrue(rowWith(t, "14/15 nodes healthy").contains("(1 DOWN)"));
    }

    @Test
    void helpOverlayExplainsTheKeys() throws IOException {
        DefaultVirtualTerminal t = render(80, 24, SampleSnapshots.threeNodesOneDown(), new ViewState(true, ""));
        assertTrue(rowWith(t, "skip the current scenario").contains("s "));
        assertTrue(ScreenText.text(t).contains("stop gracefully"));
    }

    @Test
    void noticeShowsInTheFooter() throws IOException {
        DefaultVirtualTerminal t = render(100, 30, SampleSnapshots.threeNodesOneDown(), new ViewState(false, "Skipping scenario 3..."));
        assertTrue(ScreenText.lines(t).get(29).contains("Skipping scenario 3..."));
    }

    @Test
    void tooSmallAndWaitingSayWhy() throws IOException {
        assertTrue(ScreenText.text(render(40, 10, SampleSnapshots.threeNodesOneDown(), ViewState.PLAIN))
                .contains("Terminal too small: 40x10"));
        assertTrue(ScreenText.text(render(80, 24, null, ViewState.PLAIN)).contains("Waiting for the first figures"));
    }

    @Test
    void monitorSnapshotWithoutMatrixOrLoad() throws IOException {
        DashboardSnapshot s = SampleSnapshots.threeNodesOneDown();
        DashboardSnapshot monitor = new DashboardSnapshot("monitor", 0, 0, "3 nodes (label repram.cluster)",
                s.elapsed(), null, 0.5, s.health(), s.nodes(), io.repram.dashboard.model.LoadPanel.IDLE,
                List.of(), List.of(), "");
        DefaultVirtualTerminal t = render(80, 24, monitor, ViewState.PLAIN);
        assertTrue(rowWith(t, "Monitoring 3 nodes").contains("ETA --:--"));
        assertTrue(ScreenText.text(t).contains("No load running"));
        assertEquals(1, ScreenText.lines(t).stream().filter(l -> l.contains("DOWN)")).count());
    }

    @Test
    void monitorShowsNoMatrixProgressAndNoSkipKey() throws IOException {
        DashboardSnapshot run = SampleSnapshots.threeNodesOneDown();
        DashboardSnapshot monitor = new DashboardSnapshot("monitor", 0, 0, "http://127.0.0.1:8080", run.elapsed(),
                run.eta(), 0.5, run.health(), run.nodes(), run.load(), run.throughputHistory(), run.events(), "watching");
        DefaultVirtualTerminal t = render(80, 24, monitor, new ViewState(true, ""));
        String screen = ScreenText.text(t);
        List<String> lines = ScreenText.lines(t);
        assertFalse(screen.contains("of matrix"), screen);
        assertFalse(screen.contains("skip"), screen);
        assertFalse(screen.contains("torn down"), screen);
        assertTrue(lines.get(lines.size() - 1).startsWith(" q stop monitoring"), screen);
        assertTrue(screen.contains("the cluster keeps running"), screen);
    }
}
