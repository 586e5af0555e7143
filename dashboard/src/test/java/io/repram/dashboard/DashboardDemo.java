package io.repram.dashboard;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import io.repram.dashboard.model.ClusterHealth;
import io.repram.dashboard.model.DashboardSnapshot;
import io.repram.dashboard.model.NodeRow;
import io.repram.dashboard.render.DashboardRenderer;
import io.repram.dashboard.render.ViewState;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Manual look at the dashboard with sample figures; not part of the product.
 *
 * <pre>
 *   java -cp target/classes:target/test-classes:lanterna.jar io.repram.dashboard.DashboardDemo [seconds]
 *   java -cp ... io.repram.dashboard.DashboardDemo --print 80x24
 * </pre>
 * The first form runs full screen on this terminal (q quits, s and ? work) for at most
 * {@code seconds} (default 60); the second prints one frame as plain text.
 */
public final class DashboardDemo {

    private DashboardDemo() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--print")) {
            String[] size = args[1].split("x");
            print(Integer.parseInt(size[0]), Integer.parseInt(size[1]));
            return;
        }
        int seconds = args.length == 1 ? Integer.parseInt(args[0]) : 60;
        CountDownLatch quit = new CountDownLatch(1);
        List<String> events = new ArrayList<>();
        try (Dashboard dashboard = Dashboard.openOnSystemTerminal(new DashboardListener() {
            @Override
            public void onQuit() {
                quit.countDown();
            }

            @Override
            public void onSkip() {
                events.add("skip requested");
            }
        })) {
            for (int second = 0; second < seconds && !quit.await(1, TimeUnit.SECONDS); second++) {
                dashboard.update(animated(second, events));
            }
        }
    }

    private static DashboardSnapshot animated(int second, List<String> extraEvents) {
        DashboardSnapshot base = SampleSnapshots.withNodes(SampleSnapshots.threeNodesOneDown().nodes(), second);
        List<NodeRow> nodes = new ArrayList<>(base.nodes());
        // node-2 comes back after 10 s, so the health line and the table change while watching.
        if (second >= 10) {
            NodeRow n = nodes.get(1);
            nodes.set(1, new NodeRow(n.node(), true, 3.2, 180 * SampleSnapshots.MIB, 64 * 1024, 32 * 1024,
                    n.requests() + second, 9_000));
        }
        List<String> events = new ArrayList<>(base.events());
        events.addAll(extraEvents);
        return new DashboardSnapshot(base.runName(), base.scenarioIndex(), base.scenarioCount(), base.scenarioName(),
                base.elapsed(), base.eta().minusSeconds(second), Math.min(1, base.progressFraction() + second / 400.0),
                ClusterHealth.of(nodes), nodes, base.load(), base.throughputHistory(), events, base.statusLine());
    }

    private static void print(int columns, int rows) throws Exception {
        DefaultVirtualTerminal terminal = new DefaultVirtualTerminal(new TerminalSize(columns, rows));
        TerminalScreen screen = new TerminalScreen(terminal);
        screen.startScreen();
        DashboardRenderer.render(screen.newTextGraphics(), animated(0, List.of()), ViewState.PLAIN);
        screen.refresh();
        System.out.println(ScreenText.text(terminal));
    }
}
