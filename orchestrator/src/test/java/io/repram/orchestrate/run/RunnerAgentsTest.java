package io.repram.orchestrate.run;

import io.repram.orchestrate.engine.NodeJarLocation;
import io.repram.orchestrate.engine.process.ProcessEngine;
import io.repram.orchestrate.results.ResultsDir;
import io.repram.orchestrate.results.ResultsReader;
import io.repram.orchestrate.report.ResultsWriter;
import io.repram.orchestrate.results.RunInfo;
import io.repram.orchestrate.results.AgentShare;
import io.repram.orchestrate.results.CellResult;
import io.repram.orchestrate.scenario.RunPlan;
import io.repram.orchestrate.scenario.Scenario;
import io.repram.orchestrate.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A run whose scenario asks for load: {agents: 2}, against a real node process. */
class RunnerAgentsTest {

    @TempDir
    Path tmp;

    @Test
    void agentsRunTheCellAndTheirSharesReachTheResults() throws Exception {
        Path jar = NodeJarLocation.defaultPath();
        assertTrue(Files.isRegularFile(jar), "build the node jar first: mvn -pl node -am package -DskipTests");
        Scenario s = ScenarioLoader.load(Path.of(getClass().getResource("/run/agents.yaml").toURI()), w -> { });
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        Runner.Outcome outcome;
        ResultsWriter writer;
        try (ProcessEngine engine = new ProcessEngine(jar)) {
            writer = ResultsWriter.start(ResultsDir.create(tmp, LocalDateTime.now()),
                    RunInfo.of(s, engine.environment(), Instant.now(), "test"));
            outcome = new Runner(engine, RunPlan.of(s), writer, new RunListener() {
                @Override
                public void event(String message) {
                    events.add(message);
                }
            }, new RunControl(), new Runner.Options("agents", 0, Duration.ofSeconds(60), Duration.ofSeconds(2))).run();
        }
        assertEquals(1, outcome.results().size());
        CellResult r = outcome.results().get(0);
        assertEquals("ok", r.status(), r.statusReason());
        assertTrue(events.contains("Starting 2 load agent(s) (process)"), events.toString());
        List<AgentShare> agents = r.agents();
        assertEquals(2, agents.size());
        assertTrue(r.load().requests() > 20, r.load().toString());
        assertEquals(r.load().requests(), agents.stream().mapToLong(AgentShare::requests).sum());
        assertEquals(100.0, agents.stream().mapToDouble(AgentShare::sharePercent).sum(), 1e-6);
        assertNotNull(r.audit(), "the write audit reads the agents' acknowledged writes");
        assertTrue(r.audit().checkedKeys() > 0, r.audit().toString());
        assertEquals(0, r.audit().lostWrites());

        Path dir = writer.dir().path();
        writer.writeReports();
        String cellJson = Files.readString(dir.resolve(r.cell().id() + ".json"));
        assertTrue(cellJson.contains("\"agents\"") && cellJson.contains("\"share_percent\""), cellJson);
        // Files keep latencies in whole µs and decimals to 3 places: the cell reads back as its file says.
        Path expected = Files.writeString(Files.createTempFile("expected-cell", ".json"),
                io.repram.orchestrate.results.ResultsJson.write(io.repram.orchestrate.results.CellFile.of(r, List.of())));
        assertEquals(io.repram.orchestrate.results.ResultsJson.read(expected, io.repram.orchestrate.results.CellFile.class,
                io.repram.orchestrate.results.SchemaV1::upgradeCell).result(), ResultsReader.read(dir).cells().get(0), "the cell JSON reads back whole");
        Files.delete(expected);
        String report = Files.readString(dir.resolve("report.md"));
        assertTrue(report.contains("## Load agents") && report.contains("2 agents, 3 connections, closed loop"), report);
        for (AgentShare a : agents) {
            long pid = Long.parseLong(a.placement().replace("local process ", ""));
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "agent " + pid + " is left over");
        }
    }
}
