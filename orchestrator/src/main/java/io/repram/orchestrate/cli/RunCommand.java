package io.repram.orchestrate.cli;

import io.repram.dashboard.Dashboard;
import io.repram.dashboard.DashboardListener;
import io.repram.orchestrate.engine.Engine;
import io.repram.orchestrate.engine.EngineException;
import io.repram.orchestrate.engine.NodeJarLocation;
import io.repram.orchestrate.results.ResultsDir;
import io.repram.orchestrate.results.ResultsException;
import io.repram.orchestrate.results.ResultsReader;
import io.repram.orchestrate.report.ResultsWriter;
import io.repram.orchestrate.results.RunInfo;
import io.repram.orchestrate.results.RunResults;
import io.repram.orchestrate.results.CellResult;
import io.repram.orchestrate.run.RunControl;
import io.repram.orchestrate.run.RunListener;
import io.repram.orchestrate.run.Runner;
import io.repram.orchestrate.scenario.RunPlan;
import io.repram.orchestrate.scenario.Scenario;
import io.repram.orchestrate.scenario.ScenarioException;
import io.repram.orchestrate.scenario.ScenarioLoader;
import io.repram.orchestrate.scenario.ScenarioOverrides;
import io.repram.orchestrate.scenario.Units;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

@Command(name = "run",
        description = {"Runs a scenario matrix of cluster sizes x concurrency x payload sizes.",
                "For each cluster size the cluster is started once; every concurrency x payload cell then",
                "runs (warm-up excluded from the figures), with cooldowns in between. Results are written",
                "to test-results/scale_test_YYYYMMDD_HHMMSS/ after every cell, so a crash loses nothing."},
        footer = {"", "Examples:",
                "  repram-orchestrate run scenarios/quick.yaml",
                "  repram-orchestrate run --quick --duration 20s",
                "  repram-orchestrate run --cluster-size 5 --concurrency 75 --duration 180s --payload-bytes 1024",
                "  repram-orchestrate run scenarios/quick.yaml --agents 2   # load from 2 agent processes",
                "  repram-orchestrate run scenarios/smoke.yaml --ci        # CI: plain log, exit 99 on a breached threshold",
                "  repram-orchestrate run --resume test-results/scale_test_20261128_101500",
                "", "Exit codes: 0 ok (all thresholds met), 1 error, 2 bad input, 3 Docker unavailable,",
                "  4 port taken, 5 node unhealthy, 6 image missing, 99 threshold breached, 130 interrupted."},
        mixinStandardHelpOptions = true)
public final class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO.yaml",
            description = "Scenario file. Without one, the defaults plus the flags below are run.")
    Path scenarioFile;

    @Option(names = "--quick", description = "Run scenarios/quick.yaml.") boolean quick;
    @Option(names = "--full", description = "Run scenarios/full.yaml (48 cells, about an hour).") boolean full;
    @Option(names = "--stress", description = "Run scenarios/stress.yaml (64 KB to 1 MB values).") boolean stress;

    @Option(names = "--cluster-size", paramLabel = "N", description = "Only this cluster size.") Integer clusterSize;
    @Option(names = "--concurrency", paramLabel = "C", description = "Only this many workers.") Integer concurrency;
    @Option(names = "--duration", paramLabel = "DURATION", description = "Measured time per cell, e.g. 60s, 3m.") String duration;
    @Option(names = "--payload-bytes", paramLabel = "BYTES", description = "Only this value size.") Integer payloadBytes;
    @Option(names = "--agents", paramLabel = "N",
            description = "Generate the load with N distributed load agents (1..64) instead of in-process; "
                    + "0 forces the in-process generator. Overrides the scenario's load: {agents: N}.")
    Integer agents;

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
            description = "Publish node i on 127.0.0.1:PORT+i (the old framework used 8080). Default: free ports.")
    int basePort;
    @Option(names = "--health-timeout", paramLabel = "DURATION", defaultValue = "60s",
            description = "How long nodes get to become healthy and see their peers (default: ${DEFAULT-VALUE}).")
    String healthTimeout;
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

    private final PrintStream out;
    private final PrintStream err;

    public RunCommand() {
        this(System.out, System.err);
    }

    RunCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        RunSetup setup;
        try {
            setup = prepare();
        } catch (ScenarioException | ResultsException | IllegalArgumentException e) {
            err.println("repram-orchestrate run: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        if (setup.plan().isEmpty()) {
            out.println("Nothing to run: every cell of " + resume + " is finished.");
            return ExitCodes.OK;
        }
        Engine engine;
        try {
            engine = EngineFactory.open(driver, NodeJarLocation.orDefault(nodeJar),
                    basePort > 0, new EngineFactory.SwarmSettings(registry, publishMode), out::println);
        } catch (EngineException e) {
            err.println("repram-orchestrate run: " + e.getMessage());
            return ExitCodes.of(e.reason());
        }
        // A fault the engine cannot apply fails here, not in the middle of the first cell.
        for (var fault : setup.scenario().faults()) {
            var action = io.repram.orchestrate.run.FaultTargets.action(fault.action());
            if (!engine.supportedFaults().contains(action)) {
                err.println("repram-orchestrate run: fault '" + fault.action() + "' is not supported by --driver "
                        + engine.name() + " (it supports " + engine.supportedFaults() + ").\nFix: remove it from the"
                        + " scenario's faults, or use --driver docker.");
                engine.close();
                return ExitCodes.BAD_INPUT;
            }
        }
        return execute(setup, engine);
    }

    private record RunSetup(Scenario scenario, RunPlan plan, RunResults resumed, Duration healthTimeout) {
    }

    private RunSetup prepare() {
        ScenarioOverrides overrides = new ScenarioOverrides(clusterSize, concurrency,
                duration == null ? null : Units.parseDuration(duration), payloadBytes, agents);
        if (resume != null) {
            RunResults previous = ResultsReader.read(resume);
            Scenario s = previous.runInfo().scenario();
            Set<String> done = previous.cells().stream().map(r -> r.cell().id()).collect(Collectors.toSet());
            return new RunSetup(s, RunPlan.of(s).withoutFinished(done), previous, Units.parseDuration(healthTimeout));
        }
        Path file = presetOrFile();
        Scenario base = file == null ? null : ScenarioLoader.load(file, w -> err.println("warning: " + w));
        Scenario s = base == null ? overrides.applyToDefaults() : overrides.applyTo(base);
        return new RunSetup(s, RunPlan.of(s), null, Units.parseDuration(healthTimeout));
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

    private int execute(RunSetup setup, Engine engine) {
        RunControl control = new RunControl();
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            control.quit();
            try {
                // Give the run loop time to record finished cells and tear the cluster down.
                finished.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            engine.close();
        }, "repram-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        Dashboard dashboard = null;
        try {
            ResultsWriter writer = setup.resumed() != null
                    ? ResultsWriter.resume(setup.resumed())
                    : ResultsWriter.start(ResultsDir.create(resultsParent),
                    RunInfo.of(setup.scenario(), engine.environment(), Instant.now(), Main.version()));
            out.println("Results: " + writer.dir().path());
            out.println("Plan: " + setup.plan().totalCells() + " cell(s), about "
                    + Units.formatDuration(setup.plan().estimatedDuration()));
            String runName = setup.scenario().name() + " (" + writer.dir().path().getFileName() + ")";
            dashboard = openDashboard(control);
            RunListener listener = dashboard != null ? new DashboardAdapter(dashboard, runName)
                    : new ProgressPrinter(out, 5);
            Runner.Options options = new Runner.Options(writer.dir().path().getFileName().toString()
                    .replace(ResultsDir.PREFIX, "").replace('_', '-'),
                    basePort, setup.healthTimeout(), Duration.ofSeconds(10));
            Runner.Outcome outcome = new Runner(engine, setup.plan(), writer, listener, control, options).run();
            writer.recordEngineDetails(engine.details());
            closeQuietly(dashboard);
            dashboard = null;
            writer.writeReports();
            SummaryTable.print(out, writer.results(), writer);
            out.println("Report: " + writer.dir().reportMd());
            if (outcome.interrupted()) {
                out.println("Stopped before the end; finished cells are in " + writer.dir().path()
                        + ". Continue with: repram-orchestrate run --resume " + writer.dir().path());
                return ExitCodes.INTERRUPTED;
            }
            return writer.anyBreach() ? ExitCodes.THRESHOLD_BREACHED : ExitCodes.OK;
        } catch (EngineException e) {
            closeQuietly(dashboard);
            err.println("repram-orchestrate run: " + e.getMessage());
            return ExitCodes.of(e.reason());
        } catch (IllegalArgumentException e) {
            // A load that cannot be split over the agents, or a plan an agent rejected.
            closeQuietly(dashboard);
            err.println("repram-orchestrate run: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        } catch (Exception e) {
            closeQuietly(dashboard);
            err.println("repram-orchestrate run: " + e);
            return ExitCodes.ERROR;
        } finally {
            engine.close();
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running: it waits for `finished`, which we just released.
            }
        }
    }

    private Dashboard openDashboard(RunControl control) {
        boolean ciMode = ci || "true".equalsIgnoreCase(System.getenv("CI"));
        if (ciMode || noDashboard || System.console() == null) return null;
        try {
            return Dashboard.openOnSystemTerminal(new DashboardListener() {
                @Override
                public void onQuit() {
                    control.quit();
                }

                @Override
                public void onSkip() {
                    control.skip();
                }
            });
        } catch (Exception e) {
            err.println("No dashboard (" + e.getMessage() + "); printing progress lines instead.");
            return null;
        }
    }

    private static void closeQuietly(Dashboard d) {
        if (d != null) d.close();
    }
}
