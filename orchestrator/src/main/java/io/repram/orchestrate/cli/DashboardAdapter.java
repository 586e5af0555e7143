package io.repram.orchestrate.cli;

import io.repram.dashboard.Dashboard;
import io.repram.dashboard.DashboardListener;
import io.repram.dashboard.model.ClusterHealth;
import io.repram.dashboard.model.DashboardSnapshot;
import io.repram.dashboard.model.LoadPanel;
import io.repram.dashboard.model.NodeRow;
import io.repram.orchestrate.engine.NodeStatsSample;
import io.repram.orchestrate.results.CellResult;
import io.repram.orchestrate.results.IntervalFigures;
import io.repram.orchestrate.run.LiveSnapshot;
import io.repram.orchestrate.run.RunControl;
import io.repram.orchestrate.run.RunDisplay;
import io.repram.orchestrate.scenario.Cell;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Turns the runner's per-second figures into the dashboard's view model; q and s steer the run. */
public final class DashboardAdapter implements RunDisplay {
    private static final int HISTORY_SECONDS = 300;
    private static final int EVENTS_KEPT = 20;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Dashboard dashboard;
    private final String runName;
    private final Deque<Double> throughput = new ArrayDeque<>();
    private final Deque<String> events = new ArrayDeque<>();
    private LiveSnapshot last;
    private String scenarioName = "starting";

    public DashboardAdapter(Dashboard dashboard, String runName) {
        this.dashboard = dashboard;
        this.runName = runName;
    }

    /** The dashboard on this process's terminal, its q and s keys wired to {@code control}. */
    static DashboardAdapter onSystemTerminal(String runName, RunControl control) throws IOException {
        Dashboard dashboard = Dashboard.openOnSystemTerminal(new DashboardListener() {
            @Override
            public void onQuit() {
                control.quit();
            }

            @Override
            public void onSkip() {
                control.skip();
            }
        });
        return new DashboardAdapter(dashboard, runName);
    }

    @Override
    public void close() {
        dashboard.close();
    }

    @Override
    public synchronized void cellStarted(Cell cell, int position, int total) {
        scenarioName = cell.id();
        event("Scenario " + position + "/" + total + ": " + cell.id());
    }

    @Override
    public synchronized void live(LiveSnapshot s) {
        last = s;
        throughput.addLast(s.interval().requestsPerSec());
        while (throughput.size() > HISTORY_SECONDS) throughput.removeFirst();
        dashboard.update(toSnapshot(s));
    }

    @Override
    public synchronized void cellFinished(CellResult r) {
        event(String.format("Done %s: %.0f req/s, %.2f%% ok", r.cell().id(), r.load().requestsPerSec(),
                r.load().successRate()));
    }

    @Override
    public synchronized void event(String message) {
        events.addLast(LocalTime.now().format(CLOCK) + " " + message);
        while (events.size() > EVENTS_KEPT) events.removeFirst();
        if (last != null) dashboard.update(toSnapshot(last));
    }

    private DashboardSnapshot toSnapshot(LiveSnapshot s) {
        List<NodeRow> rows = new ArrayList<>();
        for (LiveSnapshot.NodeLive n : s.nodes()) {
            NodeStatsSample st = n.stats();
            rows.add(new NodeRow(n.nodeId(), n.up(),
                    st == null ? Double.NaN : st.cpuPercent(),
                    st == null ? NodeRow.UNKNOWN : st.memoryBytes(),
                    st == null ? NodeRow.UNKNOWN : (long) n.netRxBytesPerSec(),
                    st == null ? NodeRow.UNKNOWN : (long) n.netTxBytesPerSec(),
                    n.requests(), n.itemsStored(), n.loadFailures(), n.availabilityPercent()));
        }
        IntervalFigures iv = s.interval();
        double success = iv.requests() == 0 ? 100 : 100.0 * iv.successes() / iv.requests();
        LoadPanel load = new LoadPanel(iv.requestsPerSec(), success, iv.p50Micros() / 1000.0,
                iv.p99Micros() / 1000.0, s.cellRequests(), s.cellRequests() - s.cellSuccesses(), iv.errorsByClass());
        String status = iv.warmup() ? "warming up (excluded from the figures)" : "measuring";
        return new DashboardSnapshot(runName, s.cellPosition(), s.cellCount(), scenarioName,
                Duration.ofMillis(s.runElapsedMillis()), Duration.ofMillis(s.remainingMillis()),
                s.progressFraction(), ClusterHealth.of(rows), rows, load,
                List.copyOf(throughput), List.copyOf(events), status);
    }

}
