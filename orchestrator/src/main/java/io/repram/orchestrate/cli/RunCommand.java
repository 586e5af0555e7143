package io.repram.orchestrate.cli;

import io.repram.orchestrate.engine.Engine;
import io.repram.orchestrate.engine.EngineException;
import io.repram.orchestrate.engine.NodeJarLocation;
import io.repram.orchestrate.live.MetricsEndpoint;
import io.repram.orchestrate.live.RunMetrics;
import io.repram.orchestrate.results.IntervalLogStream;
import io.repram.orchestrate.run.IntervalStreamListener;
import io.repram.orchestrate.run.MetricsListener;
import io.repram.orchestrate.run.RunControl;
import io.repram.orchestrate.run.RunListener;
import io.repram.orchestrate.run.RunDisplay;
import io.repram.orchestrate.run.RunOutcome;
import io.repram.orchestrate.run.RunRequest;
import io.repram.orchestrate.run.RunSession;
import io.repram.orchestrate.scenario.ScenarioOverrides;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "run",
        description = {"Runs a scenario matrix of cluster sizes x concurrency x payload sizes.",
                "For each cluster size the cluster is started once; every concurrency x payload cell then",
                "runs (warm-up excluded from the figures), with cooldowns in between. Results are written",
                "to test-results/scale_test_YYYYMMDD_HHMMSS/ after every cell, so a crash loses nothing."},
        footer = {"", "Examples:",
                "  repram-orchestrate run scenarios/quick.yaml",
                "  repram-orchestrate run --quick -d 20s",
                "  repram-orchestrate run --cluster-size 5 -c 75 -d 180s --payload-bytes 1024",
                "  repram-orchestrate run scenarios/quick.yaml --image my-repram:dev",
                "  repram-orchestrate run scenarios/quick.yaml --agents 2   # load from 2 agents",
                "  repram-orchestrate run scenarios/smoke.yaml --repeat 3   # median of 3 trials",
                "  # CI: plain log lines, exit 99 on a breached threshold:",
                "  repram-orchestrate run scenarios/smoke.yaml --ci",
                "  repram-orchestrate run --resume test-results/scale_test_20261128_101500",
                "", "Exit codes: 0 ok (all thresholds met), 1 error, 2 bad input,",
                "  3 Docker unavailable, 4 port taken, 5 node unhealthy, 6 image missing,",
                "  99 threshold breached, 130 interrupted."},
        mixinStandardHelpOptions = true)
public final class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO.yaml",
            description = "Scenario file. Without one, the defaults plus the flags below are run.")
    Path scenarioFile;

    @Option(names = "--quick", description = "Run scenarios/quick.yaml.") boolean quick;
    @Option(names = "--full", description = "Run scenarios/full.yaml (48 cells, about an hour).") boolean full;
    @Option(names = "--stress", description = "Run scenarios/stress.yaml (64 KB to 1 MB values).") boolean stress;

    @Option(names = "--cluster-size", paramLabel = "N", description = "Only this cluster size.") Integer clusterSize;
    @Option(names = {"-c", "--concurrency"}, paramLabel = "C", description = "Only this many workers.") Integer concurrency;
    @Option(names = {"-d", "--duration"}, paramLabel = "DURATION", description = "Measured time per cell, e.g. 60s, 3m, 1m30s, PT2M.")
    Duration duration;
    @Option(names = "--payload-bytes", paramLabel = "BYTES", description = "Only this value size.") Integer payloadBytes;
    @Option(names = "--image", paramLabel = "NAME",
            description = "Any REPRAM-compatible node image; overrides the scenario's image: key (default: that key, else "
                    + "repram-node:latest, built when missing). The process driver runs the node jar and records it only.")
    String image;
    @Option(names = "--agents", paramLabel = "N",
            description = "Generate the load with N distributed load agents (1..64) instead of in-process; "
                    + "0 forces the in-process generator. Overrides the scenario's load: {agents: N}.")
    Integer agents;
    @Option(names = "--repeat", paramLabel = "N",
            description = "Measure each cell N times (1..50) and report the median with a 95%% interval over the "
                    + "trials. Overrides the scenario's repeat: key.")
    Integer repeat;

    @Option(names = "--driver", paramLabel = "auto|docker|process|swarm", defaultValue = "auto",
            description = "Where nodes run (default: ${DEFAULT-VALUE}: docker when its daemon answers, else local JVMs;"
                    + " swarm: one service per node on a Docker Swarm, see docs/multi-host.md).")
    EngineFactory.Driver driver;
    @Option(names = "--registry", paramLabel = "HOST/PREFIX",
            description = "Swarm driver: tag and push the node image there so every swarm node can pull it.")
    String registry;
    @Option(names = "--publish-mode", paramLabel = "gateway|host", defaultValue = "gateway",
            description = "Swarm driver: reach nodes through a 127.0.0.1 gateway container (default; host is not implemented).")
    EngineFactory.PublishMode publishMode;
    @Option(names = "--base-port", paramLabel = "PORT", defaultValue = "0",
            description = "Publish node i on 127.0.0.1:PORT+i (the old framework used 8080). Default 0: free ports"
                    + " below the kernel's ephemeral range, where no outgoing connection can take them first; a run"
                    + " never collides with a cluster kept by `cluster up`, which defaults to 8080.")
    int basePort;
    @Option(names = "--health-timeout", paramLabel = "DURATION", defaultValue = "60s",
            description = "How long nodes get to become healthy and see their peers (default: ${DEFAULT-VALUE}).")
    Duration healthTimeout;
    @Option(names = "--results-dir", paramLabel = "DIR", defaultValue = "test-results",
            description = "Parent of the run's results directory (default: ${DEFAULT-VALUE}).")
    Path resultsParent;
    @Option(names = "--resume", paramLabel = "RESULTS_DIR",
            description = "Continue an interrupted run in RESULTS_DIR, skipping its finished cells.")
    Path resume;
    @Option(names = "--node-jar", paramLabel = "JAR", description = "Node jar for the process driver and image builds.")
    Path nodeJar;
    @Option(names = "--ci", description = "CI mode (implied by CI=true): no dashboard, plain log lines, a final summary table.")
    boolean ci;
    @Option(names = "--no-dashboard", description = "Print progress lines instead of the full-screen dashboard.")
    boolean noDashboard;

    @Mixin
    LiveOutputs outputs = new LiveOutputs();
    @Mixin
    MetricsOptions metrics = new MetricsOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RunRequest request = new RunRequest(presetOrFile(),
                new ScenarioOverrides(clusterSize, concurrency, duration, payloadBytes, agents, image, repeat),
                resume, resultsParent, basePort, healthTimeout, RunRequest.DEFAULT_REQUEST_TIMEOUT);
        // The engine keeps its progress sink for the whole run, the dashboard included: routed, so
        // that the dashboard can take those lines off the terminal while it is up.
        Verbosity verbosity = Verbosity.of(spec);
        ConsoleRoute progress = new ConsoleRoute(verbosity.progress(out::println));
        ConsoleRoute warnings = new ConsoleRoute(w -> err.println("warning: " + w));
        List<RunListener> recorders = new ArrayList<>();
        List<IntervalLogStream> streams = outputs.openStreams();
        streams.forEach(s -> recorders.add(new IntervalStreamListener(s)));
        RunMetrics live = new RunMetrics("");
        MetricsEndpoint endpoint = null;
        try {
            endpoint = metrics.start(live.registry(), out);
            if (endpoint != null) recorders.add(new MetricsListener(live));
            RunSession session = new RunSession(() -> openEngine(progress),
                    (runName, resultsDir, cellCount, control) ->
                            display(runName, resultsDir, cellCount, control, List.of(progress, warnings), out, err,
                                    verbosity),
                    out::println, warnings, Main.version(), recorders);
            return exitCode(session.run(request));
        } finally {
            streams.forEach(IntervalLogStream::close);
            metrics.close(endpoint);
        }
    }

    private Engine openEngine(ConsoleRoute progress) throws EngineException {
        return EngineFactory.open(driver, NodeJarLocation.orDefault(nodeJar), basePort > 0,
                new EngineFactory.SwarmSettings(registry, publishMode), progress);
    }

    /** The full-screen dashboard on an interactive terminal, else progress lines. */
    private RunDisplay display(String runName, Path resultsDir, int cellCount, RunControl control,
                               List<ConsoleRoute> routes, PrintWriter out, PrintWriter err, Verbosity verbosity) {
        boolean ciMode = ci || "true".equalsIgnoreCase(System.getenv("CI"));
        if (!ciMode && !noDashboard && System.console() != null) {
            try {
                return DashboardAdapter.onSystemTerminal(runName, resultsDir, cellCount, control, routes);
            } catch (Exception e) {
                err.println("No dashboard (" + e.getMessage() + "); printing progress lines instead.");
            }
        }
        return new ProgressPrinter(out, verbosity.progressSeconds());
    }

    private static int exitCode(RunOutcome outcome) {
        return switch (outcome.status()) {
            case FINISHED, NOTHING_TO_RUN -> ExitCodes.OK;
            case BREACHED -> ExitCodes.THRESHOLD_BREACHED;
            case INTERRUPTED -> ExitCodes.INTERRUPTED;
        };
    }

    private Path presetOrFile() {
        List<String> presets = List.of(quick ? "quick" : "", full ? "full" : "", stress ? "stress" : "")
                .stream().filter(p -> !p.isEmpty()).toList();
        if (presets.size() > 1 || (presets.size() == 1 && scenarioFile != null)) {
            throw new IllegalArgumentException("give either a scenario file or one of --quick, --full, --stress, not several");
        }
        if (presets.isEmpty()) return scenarioFile;
        String home = System.getProperty("repram.home", ".");
        return Path.of(home, "scenarios", presets.get(0) + ".yaml");
    }
}
