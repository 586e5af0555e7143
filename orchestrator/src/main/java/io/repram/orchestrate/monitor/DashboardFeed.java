package io.repram.orchestrate.monitor;

import io.repram.dashboard.Dashboard;
import io.repram.dashboard.model.ClusterHealth;
import io.repram.dashboard.model.DashboardSnapshot;
import io.repram.dashboard.model.LoadPanel;
import io.repram.dashboard.model.NodeRow;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns the monitor's one-second ticks into the dashboard's view model (same panels as `run`, no matrix). */
public final class DashboardFeed implements MonitorListener {
    private static final int HISTORY_SECONDS = 300;
    private static final int EVENTS_KEPT = 20;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Dashboard dashboard;
    private final String source;
    private final Duration duration;
    private final String statusLine;
    private final Deque<Double> throughput = new ArrayDeque<>();
    private final Deque<String> events = new ArrayDeque<>();
    private final Map<String, Long> failuresSinceStart = new LinkedHashMap<>();
    private long requestsSinceStart;
    private long failedSinceStart;

    public DashboardFeed(Dashboard dashboard, String source, Duration duration, String statusLine) {
        this.dashboard = dashboard;
        this.source = source;
        this.duration = duration;
        this.statusLine = statusLine;
    }

    @Override
    public synchronized void second(Tick tick, List<String> newEvents) {
        for (String e : newEvents) events.addLast(LocalTime.now().format(CLOCK) + " " + e);
        while (events.size() > EVENTS_KEPT) events.removeFirst();
        throughput.addLast(tick.cluster().requestsPerSec());
        while (throughput.size() > HISTORY_SECONDS) throughput.removeFirst();
        Window w = tick.cluster();
        if (w.requests() > 0) requestsSinceStart += w.requests();
        if (w.failed() > 0) failedSinceStart += w.failed();
        w.failuresByClass().forEach((k, n) -> failuresSinceStart.merge(k, n, Long::sum));
        dashboard.update(snapshot(tick));
    }

    /** A line that would have gone to the terminal; shown with the next second's events. */
    public synchronized void note(String line) {
        events.addLast(LocalTime.now().format(CLOCK) + " " + line);
        while (events.size() > EVENTS_KEPT) events.removeFirst();
    }

    @Override
    public void row(Tick tick) {
        // the dashboard shows every second already
    }

    DashboardSnapshot snapshot(Tick tick) {
        List<NodeRow> rows = new ArrayList<>();
        for (Tick.NodeTick n : tick.nodes()) {
            StatsSource.Latest st = n.stats();
            NodeReading r = n.reading();
            rows.add(new NodeRow(n.target().node(), n.up(),
                    st == null ? Double.NaN : st.sample().cpuPercent(),
                    st == null ? NodeRow.UNKNOWN : st.sample().memoryBytes(),
                    st == null ? NodeRow.UNKNOWN : NodeRow.rate(st.rxBytesPerSec()),
                    st == null ? NodeRow.UNKNOWN : NodeRow.rate(st.txBytesPerSec()),
                    n.up() ? r.requests() : NodeRow.UNKNOWN, n.up() ? r.storageItems() : NodeRow.UNKNOWN));
        }
        Window w = tick.cluster();
        LoadPanel load = new LoadPanel(w.requestsPerSec(), w.requests() > 0 ? w.successPercent() : 100,
                w.latency().quantileMillis(0.50), w.latency().quantileMillis(0.99), requestsSinceStart, failedSinceStart,
                failuresSinceStart);
        Duration elapsed = Duration.ofMillis(tick.elapsedMillis());
        Duration left = duration.minus(elapsed);
        return new DashboardSnapshot("monitor", 0, 0, source, elapsed, left.isNegative() ? Duration.ZERO : left,
                duration.isZero() ? 0 : (double) elapsed.toMillis() / duration.toMillis(),
                new ClusterHealth(tick.upNodes(), Math.max(tick.upNodes(), tick.expectedNodes())), rows, load, List.copyOf(throughput),
                List.copyOf(events), String.format(java.util.Locale.ROOT, "health %.3f | %s", tick.healthScore(), statusLine));
    }
}
