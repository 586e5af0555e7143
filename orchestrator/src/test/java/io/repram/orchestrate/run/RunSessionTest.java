package io.repram.orchestrate.run;

import io.repram.orchestrate.engine.EngineException;
import io.repram.orchestrate.engine.FaultAction;
import io.repram.orchestrate.engine.Reason;
import io.repram.orchestrate.results.CellResult;
import io.repram.orchestrate.results.ResultsDir;
import io.repram.orchestrate.scenario.ScenarioException;
import io.repram.orchestrate.scenario.ScenarioOverrides;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The run service driven directly, as a future API would: no picocli, node processes or a fake engine. */
class RunSessionTest {
    @TempDir
    Path tmp;

    private final List<String> console = Collections.synchronizedList(new ArrayList<>());
    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());

    /** Records what the run showed, and whether the final report (report.html) existed when it was closed. */
    private static final class RecordingDisplay implements RunDisplay {
        final List<String> finished = Collections.synchronizedList(new ArrayList<>());
        final List<String> events = Collections.synchronizedList(new ArrayList<>());
        final RunControl control;
        final Path resultsParent;
        final Consumer<RecordingDisplay> onCellFinished;
        int closes;
        boolean reportExistedAtClose;

        RecordingDisplay(RunControl control, Path resultsParent, Consumer<RecordingDisplay> onCellFinished) {
            this.control = control;
            this.resultsParent = resultsParent;
            this.onCellFinished = onCellFinished;
        }

        @Override
        public void cellFinished(CellResult result) {
            finished.add(result.cell().id());
            onCellFinished.accept(this);
        }

        @Override
        public void event(String message) {
            events.add(message);
        }

        @Override
        public void close() {
            closes++;
            try (var dirs = Files.list(resultsParent)) {
                reportExistedAtClose = dirs.anyMatch(d -> Files.exists(d.resolve("report.html")));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    private final List<RecordingDisplay> displays = new ArrayList<>();

    private RunSession session(RecordingEngine engine, Path resultsParent, Consumer<RecordingDisplay> onCellFinished) {
        return new RunSession(() -> engine.engine, (runName, resultsDir, cellCount, control) -> {
            RecordingDisplay d = new RecordingDisplay(control, resultsParent, onCellFinished);
            displays.add(d);
            return d;
        }, console::add, warnings::add, "test");
    }

    private static RecordingEngine processEngine() {
        return RecordingEngine.around(OneCellRun.engine());
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(RunSessionTest.class.getResource("/run/" + name).toURI());
    }

    private static long nodeProcessesAlive() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().orElse("").contains("repram-node")).count();
    }

    @Test
    void aRunWritesEveryCellAndTheReportsAfterTheDisplayIsClosed() throws Exception {
        Path results = tmp.resolve("results");
        RecordingEngine engine = processEngine();
        RunOutcome outcome = session(engine, results, d -> { })
                .run(RunRequest.of(fixture("two-cells.yaml"), ScenarioOverrides.NONE, results));

        assertEquals(RunOutcome.Status.FINISHED, outcome.status());
        assertEquals("two-cells", outcome.scenario().name());
        assertEquals(List.of("1nodes_2conc_256bytes", "1nodes_4conc_256bytes"),
                outcome.cells().stream().map(c -> c.cell().id()).toList());
        ResultsDir dir = outcome.resultsDir();
        assertEquals(results, dir.path().getParent());
        for (String f : List.of("run.json", "1nodes_2conc_256bytes.json", "1nodes_4conc_256bytes.json", "report.md",
                "report.html")) {
            assertTrue(Files.isRegularFile(dir.path().resolve(f)), f + " missing in " + dir);
        }
        assertEquals(3, Files.readAllLines(dir.summaryCsv()).size(), "header + 2 cells");
        assertEquals(List.of("Results: " + dir.path(), "Plan: 2 cell(s) on 1 cluster(s), about 42s (2s of warm-up, "
                + "measured time and cooldowns + 40s start-up allowance per cluster)"), console.subList(0, 2));
        assertTrue(console.stream().anyMatch(l -> l.startsWith("1nodes_4conc_256bytes") && l.endsWith("  ok")),
                "the summary table: " + console);
        assertEquals("Report: " + dir.reportMd(), console.get(console.size() - 1));
        assertTrue(console.get(console.size() - 2).matches("Took \\S+; the plan said about 42s\\."), console.toString());

        RecordingDisplay display = displays.get(0);
        assertEquals(1, displays.size());
        assertEquals(outcome.cells().stream().map(c -> c.cell().id()).toList(), display.finished);
        assertTrue(display.events.stream().anyMatch(e -> e.startsWith("Starting a 1-node cluster (process)")),
                display.events.toString());
        assertEquals(1, display.closes);
        assertFalse(display.reportExistedAtClose, "the display is gone before the reports are written");
        assertTrue(engine.calls.contains("close"), engine.calls.toString());
        assertEquals(0, nodeProcessesAlive(), "no node process may outlive the run");
    }

    @Test
    void anUnsupportedFaultIsRefusedBeforeAnythingStarts() throws Exception {
        Path results = tmp.resolve("results");
        RecordingEngine engine = RecordingEngine.fake(EnumSet.of(FaultAction.PAUSE));
        RunSession session = new RunSession(() -> engine.engine, (runName, resultsDir, cellCount, control) -> {
            throw new AssertionError("no display may open for a refused run");
        }, console::add, warnings::add, "test");

        EngineException e = assertThrows(EngineException.class,
                () -> session.run(RunRequest.of(fixture("kill-fault.yaml"), ScenarioOverrides.NONE, results)));

        assertEquals(Reason.BAD_INPUT, e.reason());
        assertTrue(e.getMessage().startsWith("fault 'kill' is not supported by --driver fake (it supports [PAUSE])"),
                e.getMessage());
        assertEquals("close", engine.calls.get(engine.calls.size() - 1), "the engine is closed: " + engine.calls);
        assertFalse(engine.calls.contains("environment"), "no run.json was started: " + engine.calls);
        assertFalse(Files.exists(results), "no results directory for a refused run");
        assertTrue(console.isEmpty(), console.toString());
    }

    @Test
    void aQuitAfterTheFirstCellIsAnInterruptedRunThatResumes() throws Exception {
        Path results = tmp.resolve("results");
        RunOutcome outcome = session(processEngine(), results, d -> d.control.quit())
                .run(RunRequest.of(fixture("two-cells.yaml"), ScenarioOverrides.NONE, results));

        assertEquals(RunOutcome.Status.INTERRUPTED, outcome.status());
        assertEquals(List.of("1nodes_2conc_256bytes"), outcome.cells().stream().map(c -> c.cell().id()).toList());
        Path dir = outcome.resultsDir().path();
        assertTrue(Files.isRegularFile(dir.resolve("1nodes_2conc_256bytes.json")), "the finished cell is on disk");
        assertFalse(Files.exists(dir.resolve("1nodes_4conc_256bytes.json")), "the second cell never ran");
        assertEquals(2, Files.readAllLines(dir.resolve("summary.csv")).size(), "header + the finished cell");
        assertTrue(Files.isRegularFile(dir.resolve("report.md")), "an interrupted run still gets its report");
        assertEquals(0, nodeProcessesAlive(), "the cluster is torn down on quit");
        assertEquals("Stopped before the end; finished cells are in " + dir + ". Continue with: repram-orchestrate run"
                + " --resume " + dir, console.get(console.size() - 1));

        console.clear();
        RunOutcome resumed = session(processEngine(), results, d -> { }).run(RunRequest.resume(dir));
        assertEquals(RunOutcome.Status.FINISHED, resumed.status());
        assertEquals(dir, resumed.resultsDir().path());
        assertEquals(List.of("1nodes_2conc_256bytes", "1nodes_4conc_256bytes"),
                resumed.cells().stream().map(c -> c.cell().id()).toList());
        assertTrue(console.contains("Plan: 1 cell(s) on 1 cluster(s), about 41s (1s of warm-up, measured time and "
                + "cooldowns + 40s start-up allowance per cluster)"), console.toString());

        RunSession noEngine = new RunSession(() -> {
            throw new AssertionError("a finished run must not open an engine");
        }, (runName, resultsDir, cellCount, control) -> {
            throw new AssertionError("nor a display");
        }, console::add, warnings::add, "test");
        RunOutcome nothing = noEngine.run(RunRequest.resume(dir));
        assertEquals(RunOutcome.Status.NOTHING_TO_RUN, nothing.status());
        assertEquals("Nothing to run: every cell of " + dir + " is finished.", console.get(console.size() - 1));
        assertEquals(2, nothing.cells().size());
    }

    @Test
    void aResumedRunGivesItsNodesTheRealSecretNotTheRedactedOne() throws Exception {
        Path results = tmp.resolve("results");
        String secret = "s3cr3t-" + UUID.randomUUID();
        Path scenario = Files.writeString(tmp.resolve("two-cells.yaml"), Files.readString(fixture("two-cells.yaml"))
                + "node: {env: {REPRAM_CLUSTER_SECRET: \"" + secret + "\", REPRAM_REPLICATION: \"1\"}}\n");
        RecordingEngine first = processEngine();
        Path dir = session(first, results, d -> d.control.quit())
                .run(RunRequest.of(scenario, ScenarioOverrides.NONE, results)).resultsDir().path();
        assertEquals(secret, first.specs.get(0).env().get("REPRAM_CLUSTER_SECRET"));
        assertFalse(Files.readString(dir.resolve("run.json")).contains(secret), "run.json keeps it redacted");

        // Neither a scenario file nor the environment gives it: refused before an engine opens.
        RunSession noEngine = new RunSession(() -> {
            throw new AssertionError("no engine for a resume that cannot give the nodes their secret");
        }, (runName, resultsDir, cellCount, control) -> {
            throw new AssertionError("nor a display");
        }, console::add, warnings::add, "test").withEnvironment(Map.of());
        ScenarioException missing = assertThrows(ScenarioException.class, () -> noEngine.run(RunRequest.resume(dir)));
        assertTrue(missing.getMessage().contains("Fix: export REPRAM_CLUSTER_SECRET=..."), missing.getMessage());

        // The run's own scenario file gives it back.
        RecordingEngine fromFile = processEngine();
        assertEquals(RunOutcome.Status.FINISHED, session(fromFile, results, d -> { }).withEnvironment(Map.of())
                .run(RunRequest.resume(dir, scenario, ScenarioOverrides.NONE)).status());
        assertEquals(Map.of("REPRAM_CLUSTER_SECRET", secret, "REPRAM_REPLICATION", "1"), fromFile.specs.get(0).env());

        // So does the environment, when no file is given.
        Files.delete(dir.resolve("1nodes_4conc_256bytes.json"));
        RecordingEngine fromEnv = processEngine();
        assertEquals(RunOutcome.Status.FINISHED, session(fromEnv, results, d -> { })
                .withEnvironment(Map.of("REPRAM_CLUSTER_SECRET", secret)).run(RunRequest.resume(dir)).status());
        assertEquals(secret, fromEnv.specs.get(0).env().get("REPRAM_CLUSTER_SECRET"));
        assertFalse(Files.readString(dir.resolve("run.json")).contains(secret), "still redacted after the resumes");
    }
}
