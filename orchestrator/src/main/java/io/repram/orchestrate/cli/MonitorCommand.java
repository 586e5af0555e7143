package io.repram.orchestrate.cli;

import io.repram.orchestrate.live.MetricsEndpoint;
import io.repram.orchestrate.live.MonitorMetrics;
import io.repram.orchestrate.monitor.Tick;
import io.repram.dashboard.Dashboard;
import io.repram.dashboard.DashboardListener;
import io.repram.orchestrate.engine.EngineException;
import io.repram.orchestrate.engine.NodeProbe;
import io.repram.orchestrate.monitor.DashboardFeed;
import io.repram.orchestrate.monitor.DockerStatsFeed;
import io.repram.orchestrate.monitor.Monitor;
import io.repram.orchestrate.monitor.MonitorException;
import io.repram.orchestrate.monitor.MonitorListener;
import io.repram.orchestrate.monitor.NodeReader;
import io.repram.orchestrate.monitor.PlainLines;
import io.repram.orchestrate.monitor.StatsSource;
import io.repram.orchestrate.monitor.Targets;
import io.repram.orchestrate.scenario.Units;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code monitor}: watches a running cluster and records what it does. */
@Command(name = "monitor", mixinStandardHelpOptions = true,
        description = {"Attaches to running REPRAM nodes and shows the live dashboard (node table, health,"
                + " requests/s, storage): the cluster made by `cluster up` (found by its Docker labels, with container"
                + " CPU/memory/network), or any nodes given with --url (upstream nodes too; CPU and memory then show -).",
                "Writes monitoring-results/monitoring_YYYYMMDD_HHMMSS/ with container_stats.csv, app_metrics.csv,"
                        + " cluster_metrics.csv and monitoring_report.md. Stops after --duration, on q, or on Ctrl-C;"
                        + " it only watches, so the nodes keep running."},
        footer = {"%nExamples:",
                "  repram-orchestrate monitor                    # the cluster up cluster, 5 min",
                "  repram-orchestrate monitor --cluster c1a2b3 -d 30m",
                "  repram-orchestrate monitor --url http://127.0.0.1:8080,http://127.0.0.1:8081 \\",
                "      --no-dashboard",
                "%nExit codes: 0 ok, 1 error (no cluster found), 2 bad input (several clusters,",
                "  a bad option), 3 Docker unavailable."})
public class MonitorCommand implements Callable<Integer> {

    @Option(names = "--url", split = ",", paramLabel = "URL",
            description = "Watch these nodes instead of a Docker cluster, e.g. http://127.0.0.1:8080,http://127.0.0.1:8081.")
    List<String> urls;

    @Option(names = "--cluster", paramLabel = "ID",
            description = "Which cluster from `cluster ls` to watch when several are up.")
    String clusterId;

    @Option(names = {"-d", "--duration"}, paramLabel = "DURATION", defaultValue = "5m",
            description = "How long to watch, e.g. 300s, 5m, 1h (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "5s",
            description = "Time between CSV rows, whole seconds, e.g. 5s or 10s (default: ${DEFAULT-VALUE});"
                    + " the dashboard refreshes every second.")
    Duration interval;

    @Option(names = "--cluster-size", paramLabel = "N",
            description = "Nodes the cluster should have, for the health score (default: the number of nodes found).")
    Integer clusterSize;

    // A field initialiser, not defaultValue: the hidden old name must not reset what --results-dir set.
    @Option(names = "--results-dir", paramLabel = "DIR",
            description = "Parent of the monitoring directory (default: ${DEFAULT-VALUE}).")
    Path outputParent = Path.of("monitoring-results");

    // The old name, kept working but out of the help: `run` calls the same thing --results-dir.
    @Option(names = "--output", paramLabel = "DIR", hidden = true)
    void legacyOutput(Path dir) {
        outputParent = dir;
    }

    @picocli.CommandLine.Mixin
    MetricsOptions metrics = new MetricsOptions();
    @Option(names = "--no-dashboard", description = "Print a line every interval instead of the full-screen dashboard"
            + " (also when CI=true or stdout is not a terminal).")
    boolean noDashboard;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws MonitorException, EngineException {
        if (urls != null && clusterId != null) {
            throw new IllegalArgumentException("--url and --cluster exclude each other: watch URLs or a Docker cluster");
        }
        if (duration.toSeconds() < 1) throw new IllegalArgumentException("--duration must be at least 1 s");
        if (interval.toSeconds() < 1 || interval.toMillisPart() != 0) {
            throw new IllegalArgumentException("--interval must be a whole number of seconds, at least 1, e.g. 5 or 10s");
        }
        if (clusterSize != null && clusterSize < 1) throw new IllegalArgumentException("--cluster-size must be at least 1");
        NodeProbe probe = new NodeProbe();
        Targets.Resolved source;
        StatsSource stats;
        if (urls != null) {
            source = Targets.fromUrls(urls, probe);
            stats = StatsSource.NONE;
        } else {
            source = Targets.fromDocker(clusterId);
            stats = DockerStatsFeed.start(source.clusterId(), source.nodes());
        }
        try (stats) {
            return watch(source, stats, new Monitor.Options(duration, (int) interval.toSeconds(),
                    clusterSize != null ? clusterSize : source.nodes().size()), probe);
        }
    }

    private int watch(Targets.Resolved source, StatsSource stats, Monitor.Options options, NodeProbe probe) {
        PrintWriter out = spec.commandLine().getOut();
        Path dir;
        try {
            dir = Monitor.createDir(outputParent, LocalDateTime.now());
        } catch (IOException e) {
            throw new CommandFailure(ExitCodes.ERROR, "cannot create a directory in " + outputParent.toAbsolutePath()
                    + ": " + e.getMessage() + "\nFix: choose a writable parent with --results-dir DIR.", e);
        }
        Monitor monitor = new Monitor(source, stats, options, new NodeReader(probe));
        Thread hook = new Thread(() -> {
            monitor.stop("interrupted (Ctrl-C or SIGTERM)");
            try {
                monitor.awaitFinished(Duration.ofSeconds(10));
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "repram-monitor-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("Monitoring " + source.description() + " for " + Units.formatDuration(options.duration())
                + "; writing " + dir);
        out.flush();
        // While the dashboard is up, whatever else prints goes to the Events panel and run.log, not the terminal.
        AtomicReference<DashboardFeed> feed = new AtomicReference<>();
        RunLog log = new RunLog(dir);
        Dashboard dashboard = openDashboard(monitor, line -> {
            log.line(line);
            DashboardFeed f = feed.get();
            if (f != null) f.note(line);
        });
        MetricsEndpoint endpoint = null;
        try {
            if (dashboard != null) {
                feed.set(new DashboardFeed(dashboard, source.description(), options.duration(),
                        "CSV row every " + options.intervalSeconds() + " s to " + dir.getFileName()));
            }
            MonitorListener listener = dashboard == null ? new PlainLines(out) : feed.get();
            MonitorMetrics live = new MonitorMetrics(dir.getFileName().toString());
            endpoint = metrics.start(live.registry(), out);
            MonitorListener shown = listener;
            MonitorListener both = endpoint == null ? listener : new MonitorListener() {
                @Override
                public void second(Tick tick, List<String> events) {
                    shown.second(tick, events);
                    live.second(tick, events);
                }

                @Override
                public void row(Tick tick) {
                    shown.row(tick);
                }
            };
            Monitor.Result result = monitor.run(dir, both);
            if (dashboard != null) dashboard.close();
            out.println("Stopped (" + result.stopReason() + ") after " + result.rows() + " row(s). Report: " + result.report());
            return ExitCodes.OK;
        } finally {
            // Before Main prints a failure: the message must not land on the dashboard's screen.
            if (dashboard != null) dashboard.close();
            log.close();
            metrics.close(endpoint);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs already and waits for the report, which is written
            }
        }
    }

    private Dashboard openDashboard(Monitor monitor, Consumer<String> strayLines) {
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        if (ci || noDashboard || System.console() == null) return null;
        try {
            return Dashboard.openOnSystemTerminal(new DashboardListener() {
                @Override
                public void onQuit() {
                    monitor.stop("q pressed");
                }

                @Override
                public void onSkip() {
                    // monitor has no scenarios to skip
                }

                @Override
                public boolean hasScenarios() {
                    return false;
                }
            }, strayLines);
        } catch (IOException | RuntimeException e) {
            spec.commandLine().getErr().println("No dashboard (" + e.getMessage() + "); printing a line every interval instead.");
            return null;
        }
    }
}
