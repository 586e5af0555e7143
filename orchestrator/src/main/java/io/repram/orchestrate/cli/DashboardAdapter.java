package io.repram.orchestrate.cli;

import io.repram.dashboard.Dashboard;
import io.repram.dashboard.DashboardListener;
import io.repram.dashboard.model.ClusterHealth;
import io.repram.dashboard.model.DashboardSnapshot;
import io.repram.dashboard.model.LoadPanel;
import io.repram.dashboard.model.NodeRow;
import io.repram.orchestrate.engine.NodeStatsSample;
import io.repram.orchestrate.results.CellLimit;
import io.repram.orchestrate.results.CellResult;
import io.repram.orchestrate.results.IntervalFigures;
import io.repram.orchestrate.results.SearchResult;
import io.repram.orchestrate.run.LiveSnapshot;
import io.repram.orchestrate.run.RunControl;
import io.repram.orchestrate.run.RunDisplay;
import io.repram.orchestrate.scenario.Cell;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/** Turns the runner's per-second figures into the dashboard's view model; q and s steer the run. */
public final class DashboardAdapter implements RunDisplay {
    private static final int HISTORY_SECONDS = 300;
    private static final int EVENTS_KEPT = 20;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Dashboard dashboard;
    private final String runName;
    private final int cellCount;
    private final RunLog log;
    private final Runnable onClose;
    private final Deque<Double> throughput = new ArrayDeque<>();
    private final Deque<String> events = new ArrayDeque<>();
    private List<String> ladder = List.of();
    private LiveSnapshot last;
    /** The last finished cell's limit verdict, in words; null before one finished. */
    private String lastLimit;
    private String scenarioName = "starting";
    private int position;
    /** Why no load runs now, or null while it does; the status line says it instead of "measuring". */
    private String paused = "starting the cluster";
    /** When the run started on System.nanoTime's clock, from the latest live figures (until then, when this opened). */
    private long runStartNanos = System.nanoTime();
    private long lastLiveNanos;

    public DashboardAdapter(Dashboard dashboard, String runName) {
        this(dashboard, runName, 0, null, () -> { });
    }

    private DashboardAdapter(Dashboard dashboard, String runName, int cellCount, RunLog log, Runnable onClose) {
        this.dashboard = dashboard;
        this.runName = runName;
        this.cellCount = cellCount;
        this.log = log;
        this.onClose = onClose;
    }

    /**
     * The dashboard on this process's terminal, its q and s keys wired to {@code control}. While it
     * is open nothing else may write to the terminal: the {@code routes} (engine progress, warnings)
     * and anything printed to System.out/err become events and lines of {@code run.log} in
     * {@code resultsDir}; closing gives the terminal back to them.
     */
    static DashboardAdapter onSystemTerminal(String runName, Path resultsDir, int cellCount, RunControl control,
                                             List<ConsoleRoute> routes) throws IOException {
        AtomicReference<DashboardAdapter> self = new AtomicReference<>();
        RunLog log = new RunLog(resultsDir);
        Consumer<String> elsewhere = line -> {
            DashboardAdapter adapter = self.get();
            if (adapter != null) adapter.event(line);
            else log.line(line);
        };
        Dashboard dashboard;
        try {
            dashboard = Dashboard.openOnSystemTerminal(new DashboardListener() {
                @Override
                public void onQuit() {
                    control.quit();
                }

                @Override
                public void onSkip() {
                    control.skip();
                }
            }, elsewhere);
        } catch (IOException | RuntimeException e) {
            log.close();
            throw e;
        }
        DashboardAdapter adapter = new DashboardAdapter(dashboard, runName, cellCount, log,
                () -> routes.forEach(ConsoleRoute::restore));
        self.set(adapter);
        routes.forEach(r -> r.divert(elsewhere));
        // Replaces "Waiting for the first figures" at once: the cluster start-up can take a while.
        adapter.event("Run log: " + resultsDir.resolve(RunLog.FILE_NAME));
        return adapter;
    }

    @Override
    public void close() {
        dashboard.close();
        onClose.run();
        if (log != null) log.close();
    }

    @Override
    public synchronized void cellStarted(Cell cell, int position, int total) {
        scenarioName = cell.id();
        ladder = List.of();
        event("Scenario " + position + "/" + total + ": " + cell.id());
    }

    @Override
    public synchronized void live(LiveSnapshot s) {
        last = s;
        paused = null;
        lastLiveNanos = System.nanoTime();
        runStartNanos = lastLiveNanos - s.runElapsedMillis() * 1_000_000;
        throughput.addLast(s.interval().requestsPerSec());
        while (throughput.size() > HISTORY_SECONDS) throughput.removeFirst();
        dashboard.update(toSnapshot(s));
    }

    @Override
    public synchronized void cellFinished(CellResult r) {
        if (r.limit() != null) lastLimit = CellLimit.label(r.limit().verdict());
        event(String.format("Done %s: %.0f req/s, %.2f%% ok", r.cell().id(), r.load().requestsPerSec(),
                r.load().successRate()));
    }

    @Override
    public synchronized void searchProgress(SearchResult search) {
        ladder = SearchLadder.lines(search);
        dashboard.update(current());
    }

    @Override
    public synchronized void paused(String why) {
        paused = why;
        dashboard.update(current());
    }

    @Override
    public synchronized void event(String message) {
        if (log != null) log.line(message);
        events.addLast(LocalTime.now().format(CLOCK) + " " + message);
        while (events.size() > EVENTS_KEPT) events.removeFirst();
        dashboard.update(current());
    }

    private DashboardSnapshot current() {
        return last != null ? toSnapshot(last) : beforeFigures();
    }

    private Duration sinceRunStart() {
        return Duration.ofNanos(System.nanoTime() - runStartNanos);
    }

    /** Until the first live figures: the events, an empty table, no load. */
    private DashboardSnapshot beforeFigures() {
        int total = Math.max(cellCount, position);
        return new DashboardSnapshot(runName, total == 0 ? 0 : position, total, scenarioName, sinceRunStart(), null,
                0, new ClusterHealth(0, 0), List.of(), LoadPanel.IDLE, List.copyOf(throughput), List.copyOf(events),
                paused == null ? "starting the cluster" : paused);
    }

    private DashboardSnapshot toSnapshot(LiveSnapshot s) {
        List<NodeRow> rows = new ArrayList<>();
        for (LiveSnapshot.NodeLive n : s.nodes()) {
            NodeStatsSample st = n.stats();
            rows.add(new NodeRow(n.nodeId(), n.up(),
                    st == null ? Double.NaN : st.cpuPercent(),
                    st == null ? NodeRow.UNKNOWN : st.memoryBytes(),
                    st == null ? NodeRow.UNKNOWN : NodeRow.rate(n.netRxBytesPerSec()),
                    st == null ? NodeRow.UNKNOWN : NodeRow.rate(n.netTxBytesPerSec()),
                    n.requests(), n.itemsStored(), n.loadFailures(), n.availabilityPercent()));
        }
        IntervalFigures iv = s.interval();
        double success = iv.requests() == 0 ? 100 : 100.0 * iv.successes() / iv.requests();
        LoadPanel load = new LoadPanel(iv.requestsPerSec(), success, iv.p50Micros() / 1000.0,
                iv.p99Micros() / 1000.0, s.cellRequests(), s.cellRequests() - s.cellSuccesses(), iv.errorsByClass());
        String status = (paused != null ? paused : iv.warmup() ? "warming up (excluded from the figures)" : "measuring")
                + (lastLimit == null ? "" : "; last cell: " + lastLimit);
        // Paused, the last second's load figures would read as current: the panel shows none, and the
        // clocks run on from the last figures (the dashboard moves them on between updates too).
        Duration since = paused == null ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - lastLiveNanos);
        Duration eta = Duration.ofMillis(s.remainingMillis()).minus(since);
        return new DashboardSnapshot(runName, s.cellPosition(), s.cellCount(), scenarioName,
                paused == null ? Duration.ofMillis(s.runElapsedMillis()) : sinceRunStart(),
                eta.isNegative() ? Duration.ZERO : eta, s.progressFraction(), ClusterHealth.of(rows), rows,
                paused == null ? load : LoadPanel.IDLE, List.copyOf(throughput), List.copyOf(events), status, ladder);
    }

}
