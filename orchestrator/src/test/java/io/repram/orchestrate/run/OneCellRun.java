package io.repram.orchestrate.run;

import io.repram.orchestrate.engine.NodeJarLocation;
import io.repram.orchestrate.engine.process.ProcessEngine;
import io.repram.orchestrate.report.ResultsWriter;
import io.repram.orchestrate.results.CellResult;
import io.repram.orchestrate.results.ResultsDir;
import io.repram.orchestrate.results.RunInfo;
import io.repram.orchestrate.scenario.RunPlan;
import io.repram.orchestrate.scenario.Scenario;
import io.repram.orchestrate.scenario.ScenarioLoader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fixture of the runner tests on real node processes: the engine, and one scenario of one cell run on it. */
final class OneCellRun {

    /** The cell's result and the results directory it was written to. */
    record Ran(CellResult result, Path dir) {
    }

    private OneCellRun() {
    }

    /** A process engine on the node jar the build made; fails, saying how to build it, when it is missing. */
    static ProcessEngine engine() {
        Path jar = NodeJarLocation.defaultPath();
        assertTrue(Files.isRegularFile(jar), "the node jar " + jar.toAbsolutePath()
                + " is missing: build it first with mvn -pl node -am package -DskipTests");
        return new ProcessEngine(jar);
    }

    /** Runs the scenario {@code /<resource>.yaml} (one cell) to the end under a new results directory in {@code parent}. */
    static Ran run(ProcessEngine engine, String resource, Path parent, RunListener listener, Runner.Options options)
            throws Exception {
        Scenario s = ScenarioLoader.load(Path.of(OneCellRun.class.getResource("/" + resource + ".yaml").toURI()), w -> { });
        Files.createDirectories(parent);
        ResultsWriter writer = ResultsWriter.start(ResultsDir.create(parent, LocalDateTime.now()),
                RunInfo.of(s, engine.environment(), Instant.now(), "test"));
        Runner.Outcome outcome = new Runner(engine, RunPlan.of(s), writer, listener, new RunControl(), options).run();
        assertFalse(outcome.interrupted());
        assertEquals(1, outcome.results().size());
        return new Ran(outcome.results().get(0), writer.dir().path());
    }
}
