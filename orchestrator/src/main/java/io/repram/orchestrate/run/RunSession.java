package io.repram.orchestrate.run;

import io.repram.orchestrate.engine.Engine;
import io.repram.orchestrate.engine.EngineException;
import io.repram.orchestrate.engine.FaultAction;
import io.repram.orchestrate.engine.Reason;
import io.repram.orchestrate.engine.Taskset;
import io.repram.orchestrate.report.ResultsWriter;
import io.repram.orchestrate.results.ResultsDir;
import io.repram.orchestrate.results.ResultsException;
import io.repram.orchestrate.results.ResultsReader;
import io.repram.orchestrate.results.RunInfo;
import io.repram.orchestrate.results.RunResults;
import io.repram.orchestrate.scenario.ClusterBlock;
import io.repram.orchestrate.scenario.FaultSpec;
import io.repram.orchestrate.scenario.RunPlan;
import io.repram.orchestrate.scenario.Scenario;
import io.repram.orchestrate.scenario.ScenarioException;
import io.repram.orchestrate.scenario.ScenarioLoader;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One {@code run}, from request to reports, with no command line in sight: resolves the scenario
 * (or the run to resume), opens the engine, refuses faults the engine cannot apply before anything
 * starts, then walks the plan with the {@link Runner} while a shutdown hook turns Ctrl-C into a
 * clean stop, and renders the reports and the summary. Failures are thrown (engine failures with their reason; a
 * bad scenario or results directory as {@code ScenarioException} / {@code ResultsException});
 * the outcome says how a run that got going ended. Exit codes are the caller's business.
 */
public final class RunSession {

    /** Opens the engine of a run; called once the plan is known, closed by the session. */
    @FunctionalInterface
    public interface EngineOpener {
        Engine open() throws EngineException;
    }

    /** How long Ctrl-C waits for the run loop to record its finished cells and tear the cluster down. */
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

    private final EngineOpener engines;
    private final RunDisplay.Factory displays;
    private final Consumer<String> console;
    private final Consumer<String> warnings;
    private final String toolVersion;
    private final List<RunListener> recorders;
    /** Where a resumed run's redacted secrets come from when no scenario file is given. */
    private final Map<String, String> environment;

    /**
     * @param console     lines for the terminal while no display is open: where the results go, the
     *                    plan, and at the end the summary table and how to resume
     * @param warnings    the scenario loader's warnings (deprecated keys and the like)
     * @param toolVersion recorded in run.json
     */
    public RunSession(EngineOpener engines, RunDisplay.Factory displays, Consumer<String> console,
                      Consumer<String> warnings, String toolVersion) {
        this(engines, displays, console, warnings, toolVersion, List.of());
    }

    /** @param recorders listeners besides the display: the interval stream, the metrics endpoint */
    public RunSession(EngineOpener engines, RunDisplay.Factory displays, Consumer<String> console,
                      Consumer<String> warnings, String toolVersion, List<RunListener> recorders) {
        this(engines, displays, console, warnings, toolVersion, recorders, System.getenv());
    }

    private RunSession(EngineOpener engines, RunDisplay.Factory displays, Consumer<String> console,
                       Consumer<String> warnings, String toolVersion, List<RunListener> recorders,
                       Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
        this.recorders = List.copyOf(recorders);
        this.engines = Objects.requireNonNull(engines, "engines");
        this.displays = Objects.requireNonNull(displays, "displays");
        this.console = Objects.requireNonNull(console, "console");
        this.warnings = Objects.requireNonNull(warnings, "warnings");
        this.toolVersion = Objects.requireNonNull(toolVersion, "toolVersion");
    }

    /** The same session, reading a resumed run's secrets from {@code environment} instead of the process's. */
    public RunSession withEnvironment(Map<String, String> environment) {
        return new RunSession(engines, displays, console, warnings, toolVersion, recorders, environment);
    }

    /**
     * Everything the user can get wrong is refused before anything is written: the scenario and
     * flags, the results directory, faults the engine cannot apply, a missing image and a taken
     * base port.
     */
    public RunOutcome run(RunRequest request) throws EngineException, IOException, InterruptedException {
        Prepared prepared = prepare(request);
        if (prepared.plan().isEmpty()) {
            console.accept("Nothing to run: every cell of " + prepared.resumed().dir().path() + " is finished.");
            return new RunOutcome(RunOutcome.Status.NOTHING_TO_RUN, prepared.resumed().dir(), prepared.scenario(),
                    prepared.resumed().cells());
        }
        if (prepared.resumed() == null) ResultsDir.checkParent(request.resultsParent());
        Engine engine = engines.open();
        ResultsDir created;
        try {
            refuseUnsupportedFaults(prepared.scenario(), engine);
            engine.checkImage(prepared.scenario().image());
            engine.checkPorts(request.basePort(), largestCluster(prepared.plan()));
            for (ClusterBlock block : prepared.plan().blocks()) {
                engine.checkPlacement(ClusterSpecs.of(prepared.scenario(), block.clusterSize(), "check",
                        request.basePort(), request.healthTimeout(), null));
            }
            created = prepared.resumed() != null ? null : ResultsDir.create(request.resultsParent());
        } catch (EngineException | RuntimeException e) {
            engine.close();
            throw e;
        }
        return execute(request, prepared, engine, created);
    }

    /** The scenario, what is left of its plan, and the run being resumed (null for a new run). */
    private record Prepared(Scenario scenario, RunPlan plan, RunResults resumed) {
    }

    private Prepared prepare(RunRequest request) {
        Prepared prepared;
        if (request.resuming()) {
            RunResults previous = ResultsReader.read(request.resumeDir());
            Scenario s = ResumedScenario.of(previous, request, warnings, environment);
            prepared = new Prepared(s, RunPlan.of(s).withoutFinished(previous.finishedCellIds()), previous);
        } else {
            Scenario base = request.scenarioFile() == null ? null : ScenarioLoader.load(request.scenarioFile(), warnings);
            Scenario s = base == null ? request.overrides().applyToDefaults() : request.overrides().applyTo(base);
            prepared = new Prepared(s, RunPlan.of(s), null);
        }
        request.checkPortsFit(largestCluster(prepared.plan()));
        if (CpuPlan.of(prepared.scenario(), CpuPlan.hostCpus()).loadCpuset() != null && !Taskset.available()) {
            throw new ScenarioException("load.isolate pins the load generator with the taskset command, which is not"
                    + " on the PATH. Fix: install util-linux (apt-get install util-linux), or remove load.isolate");
        }
        return prepared;
    }

    private static int largestCluster(RunPlan plan) {
        return plan.blocks().stream().mapToInt(ClusterBlock::clusterSize).max().orElse(1);
    }

    /** A fault the engine cannot apply fails here, not in the middle of the first cell. */
    private static void refuseUnsupportedFaults(Scenario scenario, Engine engine) throws EngineException {
        for (FaultSpec fault : scenario.faults()) {
            FaultAction action = FaultTargets.action(fault.action());
            if (!engine.supportedFaults().contains(action)) {
                throw new EngineException("fault '" + fault.action() + "' is not supported by --driver " + engine.name()
                        + " (it supports " + engine.supportedFaults() + ").\nFix: remove it from the scenario's faults,"
                        + " or use --driver docker.", Reason.BAD_INPUT);
            }
        }
    }

    /** @param created the new run's results directory; null when resuming */
    private RunOutcome execute(RunRequest request, Prepared prepared, Engine engine, ResultsDir created)
            throws EngineException, IOException, InterruptedException {
        RunControl control = new RunControl();
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            control.quit();
            try {
                // Give the run loop time to record finished cells and tear the cluster down.
                finished.await(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            engine.close();
        }, "repram-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        RunDisplay display = null;
        try {
            ResultsWriter writer = prepared.resumed() != null ? ResultsWriter.resume(prepared.resumed())
                    : ResultsWriter.start(created,
                    RunInfo.of(prepared.scenario(), engine.environment(), Instant.now(), toolVersion));
            RunPlan plan = prepared.plan();
            console.accept("Results: " + writer.dir().path());
            console.accept(PlanEstimate.line(plan));
            long startedNanos = System.nanoTime();
            display = displays.open(prepared.scenario().name() + " (" + writer.dir().path().getFileName() + ")",
                    writer.dir().path(), plan.totalCells(), control);
            Runner.Options options = new Runner.Options(runId(writer.dir()), request.basePort(), request.healthTimeout(),
                    request.requestTimeout());
            List<RunListener> listeners = new ArrayList<>(List.of(display));
            listeners.addAll(recorders);
            RunListener listener = new FanOutListener(listeners);
            listener.runStarted(options.runId());
            CpuPlan cpus = CpuPlan.of(prepared.scenario(), CpuPlan.hostCpus());
            Runner.Outcome outcome;
            try (LoadPinning pinned = LoadPinning.apply(cpus.loadCpuset(), listener::event)) {
                outcome = new Runner(engine, plan, writer, listener, control, options).run();
            }
            writer.recordEngineDetails(LoadPinning.withLoadCpuset(engine.details(), cpus.loadCpuset()));
            // The reports and whatever the caller prints next need the terminal back.
            display.close();
            display = null;
            writer.writeReports();
            RunOutcome.Status status = outcome.interrupted() ? RunOutcome.Status.INTERRUPTED
                    : writer.anyBreach() ? RunOutcome.Status.BREACHED : RunOutcome.Status.FINISHED;
            RunOutcome done = new RunOutcome(status, writer.dir(), prepared.scenario(), writer.results());
            // Still under the shutdown hook's wait: after Ctrl-C the JVM exits once `finished` is released.
            summarize(done, PlanEstimate.tookLine(java.time.Duration.ofNanos(System.nanoTime() - startedNanos), plan));
            return done;
        } catch (ResultsException e) {
            // The run's input was read fine before this point: a results write failing now is the
            // machine's fault (disk full, permissions), an error rather than bad input.
            throw new IllegalStateException(e.getMessage(), e);
        } finally {
            if (display != null) display.close();
            engine.close();
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running: it waits for `finished`, which was just released.
            }
        }
    }

    private void summarize(RunOutcome outcome, String took) {
        SummaryTable.lines(outcome.cells(), outcome.scenario()).forEach(console);
        console.accept(took);
        Path dir = outcome.resultsDir().path();
        console.accept("Report: " + outcome.resultsDir().reportMd());
        if (outcome.status() == RunOutcome.Status.INTERRUPTED) {
            console.accept("Stopped before the end; finished cells are in " + dir
                    + ". Continue with: repram-orchestrate run --resume " + dir);
        }
    }

    /** The id in container names and labels: the results directory's timestamp, e.g. 20261128-101500. */
    private static String runId(ResultsDir dir) {
        return dir.path().getFileName().toString().replace(ResultsDir.PREFIX, "").replace('_', '-');
    }
}
