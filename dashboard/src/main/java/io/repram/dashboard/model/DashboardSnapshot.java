package io.repram.dashboard.model;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything the dashboard shows in one frame. The orchestrator builds a new snapshot whenever its
 * figures change (about once a second) and hands it to {@code Dashboard.update}; the dashboard never
 * asks for data itself.
 *
 * @param runName           the run's name, shown in the header
 * @param scenarioIndex     1-based index of the running scenario; 0 when there is no matrix ({@code monitor})
 * @param scenarioCount     scenarios in the matrix; 0 when there is no matrix
 * @param scenarioName      name of the running scenario, or what is being watched in {@code monitor}
 * @param elapsed           time since the run started
 * @param eta               estimated time until the whole run ends; {@code null} when unknown
 * @param progressFraction  share of the matrix done, 0..1 (clamped)
 * @param health            healthy vs. expected nodes
 * @param nodes             node table rows, in display order
 * @param load              load generator figures; {@link LoadPanel#IDLE} when no load runs
 * @param throughputHistory cluster-wide requests per second, one value per second, oldest first;
 *                          the chart shows the last 60 s or more, so keep at least 60 values
 * @param events            recent events (fault timeline, scenario changes), oldest first
 * @param statusLine        one line on what happens right now, e.g. "measuring (warm-up done)"
 * @param ladder            a rate search's probe ladder, one line per probe, oldest first, shown in
 *                          place of the throughput chart; empty when no search runs
 */
public record DashboardSnapshot(
        String runName,
        int scenarioIndex,
        int scenarioCount,
        String scenarioName,
        Duration elapsed,
        Duration eta,
        double progressFraction,
        ClusterHealth health,
        List<NodeRow> nodes,
        LoadPanel load,
        List<Double> throughputHistory,
        List<String> events,
        String statusLine,
        List<String> ladder) {

    public DashboardSnapshot {
        Objects.requireNonNull(runName, "runName");
        Objects.requireNonNull(scenarioName, "scenarioName");
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(load, "load");
        Objects.requireNonNull(statusLine, "statusLine");
        if (scenarioCount < 0 || scenarioIndex < 0 || scenarioIndex > scenarioCount) {
            throw new IllegalArgumentException("DashboardSnapshot needs 0 <= scenarioIndex <= scenarioCount, got "
                    + scenarioIndex + "/" + scenarioCount);
        }
        progressFraction = Double.isNaN(progressFraction) ? 0 : Math.max(0, Math.min(1, progressFraction));
        nodes = List.copyOf(nodes);
        throughputHistory = List.copyOf(throughputHistory);
        events = List.copyOf(events);
        ladder = ladder == null ? List.of() : List.copyOf(ladder);
    }

    /** A frame without a probe ladder. */
    public DashboardSnapshot(String runName, int scenarioIndex, int scenarioCount, String scenarioName, Duration elapsed,
                             Duration eta, double progressFraction, ClusterHealth health, List<NodeRow> nodes,
                             LoadPanel load, List<Double> throughputHistory, List<String> events, String statusLine) {
        this(runName, scenarioIndex, scenarioCount, scenarioName, elapsed, eta, progressFraction, health, nodes, load,
                throughputHistory, events, statusLine, List.of());
    }

    /**
     * This frame {@code since} later: the elapsed clock on by that much and the ETA down by it (not
     * below 0), so the header keeps time between snapshots (a cooldown sends none).
     */
    public DashboardSnapshot aged(Duration since) {
        if (since.isZero() || since.isNegative()) {
            return this;
        }
        Duration left = eta == null ? null : eta.minus(since).isNegative() ? Duration.ZERO : eta.minus(since);
        return new DashboardSnapshot(runName, scenarioIndex, scenarioCount, scenarioName, elapsed.plus(since), left,
                progressFraction, health, nodes, load, throughputHistory, events, statusLine, ladder);
    }

    /** True when a scenario matrix runs (as opposed to {@code monitor}, which only watches). */
    public boolean hasMatrix() {
        return scenarioCount > 0;
    }
}
