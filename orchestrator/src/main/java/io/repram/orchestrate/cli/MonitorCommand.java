package io.repram.orchestrate.cli;

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
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
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
                        + " cluster_metrics.csv and monitoring_report.md. Stops after --duration, on q, or on Ctrl-C."},
        footer = {"%nExamples:",
                "  repram-orchestrate monitor                                   the cluster from `cluster up`, 5 min",
                "  repram-orchestrate monitor --cluster c1a2b3 --duration 30m",
                "  repram-orchestrate monitor --url http://127.0.0.1:8080,http://127.0.0.1:8081 --no-dashboard",
                "%nExit codes: 0 ok, 1 error (no cluster found), 2 bad input (several clusters, bad option),"
                        + " 3 Docker unavailable."})
public class MonitorCommand implements Callable<Integer> {

    @Option(names = "--url", split = ",", paramLabel = "URL",
            description = "Watch these nodes instead of a Docker cluster, e.g. http://127.0.0.1:8080,http://127.0.0.1:8081.")
    List<String> urls;

    @Option(names = "--cluster", paramLabel = "ID",
            description = "Which cluster from `cluster ls` to watch when several are up.")
    String clusterId;

    @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "300",
            description = "How long to watch: seconds or e.g. 5m, 1h (default: ${DEFAULT-VALUE} s).")
    String duration;

    @Option(names = "--interval", paramLabel = "SECONDS", defaultValue = "5",
            description = "Seconds between CSV rows (default: ${DEFAULT-VALUE}); the dashboard refreshes every second.")
    int intervalSeconds;

    @Option(names = "--cluster-size", paramLabel = "N",
            description = "Nodes the cluster should have, for the health score (default: the number of nodes found).")
    Integer clusterSize;

    @Option(names = "--output", paramLabel = "DIR", defaultValue = "monitoring-results",
            description = "Parent of the monitoring directory (default: ${DEFAULT-VALUE}).")
    Path outputParent;

    @Option(names = "--no-dashboard", description = "Print a line every interval instead of the full-screen dashboard"
            + " (also when CI=true or stdout is not a terminal).")
    boolean noDashboard;

    private final PrintStream out;
    private final PrintStream err;

    public MonitorCommand() {
        this(System.out, System.err);
    }

    MonitorCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        Duration watchFor;
        try {
            watchFor = Units.parseDuration(duration);
            if (urls != null && clusterId != null) {
                throw new IllegalArgumentException("--url and --cluster exclude each other: watch URLs or a Docker cluster");
            }
            if (watchFor.toSeconds() < 1) throw new IllegalArgumentException("--duration must be at least 1 s");
            if (intervalSeconds < 1) throw new IllegalArgumentException("--interval must be at least 1 (seconds)");
            if (clusterSize != null && clusterSize < 1) throw new IllegalArgumentException("--cluster-size must be at least 1");
        } catch (IllegalArgumentException e) {
            err.println("repram-orchestrate monitor: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        NodeProbe probe = new NodeProbe();
        Targets.Resolved source;
        StatsSource stats;
        try {
            if (urls != null) {
                source = Targets.fromUrls(urls, probe);
                stats = StatsSource.NONE;
            } else {
                source = Targets.fromDocker(clusterId);
                stats = DockerStatsFeed.start(source.clusterId(), source.nodes());
            }
        } catch (MonitorException e) {
            err.println("repram-orchestrate monitor: " + e.getMessage());
            return ExitCodes.of(e.reason());
        } catch (EngineException e) {
            err.println("repram-orchestrate monitor: " + e.getMessage());
            return ExitCodes.of(e.reason());
        }
        try (stats) {
            return watch(source, stats, new Monitor.Options(watchFor, intervalSeconds,
                    clusterSize != null ? clusterSize : source.nodes().size()), probe);
        }
    }

    private int watch(Targets.Resolved source, StatsSource stats, Monitor.Options options, NodeProbe probe) {
        Path dir;
        try {
            dir = Monitor.createDir(outputParent, LocalDateTime.now());
        } catch (IOException e) {
            err.println("repram-orchestrate monitor: cannot create a directory in " + outputParent.toAbsolutePath()
                    + ": " + e.getMessage() + "\nFix: choose a writable parent with --output DIR.");
            return ExitCodes.ERROR;
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
        Dashboard dashboard = openDashboard(monitor);
        try {
            MonitorListener listener = dashboard == null ? new PlainLines(out)
                    : new DashboardFeed(dashboard, source.description(), options.duration(),
                    "CSV row every " + options.intervalSeconds() + " s to " + dir.getFileName());
            Monitor.Result result = monitor.run(dir, listener);
            if (dashboard != null) dashboard.close();
            out.println("Stopped (" + result.stopReason() + ") after " + result.rows() + " row(s). Report: " + result.report());
            return ExitCodes.OK;
        } catch (RuntimeException e) {
            if (dashboard != null) dashboard.close();
            err.println("repram-orchestrate monitor: " + e.getMessage());
            return ExitCodes.ERROR;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs already and waits for the report, which is written
            }
        }
    }

    private Dashboard openDashboard(Monitor monitor) {
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
            });
        } catch (IOException | RuntimeException e) {
            err.println("No dashboard (" + e.getMessage() + "); printing a line every interval instead.");
            return null;
        }
    }
}
