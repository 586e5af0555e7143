package io.repram.orchestrate.run;

import io.repram.orchestrate.engine.docker.DockerEngine;
import io.repram.orchestrate.results.ResultsDir;
import io.repram.orchestrate.report.ResultsWriter;
import io.repram.orchestrate.results.RunInfo;
import io.repram.orchestrate.results.AuditFigures;
import io.repram.orchestrate.results.CellResult;
import io.repram.orchestrate.results.ConvergenceFigures;
import io.repram.orchestrate.results.FaultEvent;
import io.repram.orchestrate.scenario.RunPlan;
import io.repram.orchestrate.scenario.Scenario;
import io.repram.orchestrate.scenario.ScenarioLoader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A partition needs the docker driver: the process driver's nodes share the host's loopback. */
@Tag("docker")
class RunnerPartitionDockerTest {

    @TempDir
    Path tmp;

    @Test
    void aPartitionedNodesLagShowsInTheConvergenceFigures() throws Exception {
        Path jar = Path.of(System.getProperty("repram.node.jar", "../node/target/repram-node.jar"));
        assumeTrue(Files.isRegularFile(jar), "build the node jar first: mvn -pl node -am package -DskipTests");
        Scenario s = ScenarioLoader.load(Path.of(getClass().getResource("/run/partition-fault.yaml").toURI()), w -> { });
        try (DockerEngine engine = new DockerEngine(new DockerEngine.Options(jar, false, false, line -> { }))) {
            ResultsWriter writer = ResultsWriter.start(ResultsDir.create(tmp, LocalDateTime.now()),
                    RunInfo.of(s, engine.environment(), Instant.now(), "test"));
            Runner.Outcome outcome = new Runner(engine, RunPlan.of(s), writer, new RunListener() { }, new RunControl(),
                    new Runner.Options("partition-test", 0, Duration.ofSeconds(90), Duration.ofSeconds(2))).run();
            CellResult r = outcome.results().get(0);
            assertEquals(List.of("disconnect", "reconnect"), r.faults().stream().map(FaultEvent::action).toList());
            assertTrue(r.faults().stream().allMatch(FaultEvent::ok), r.faults().toString());
            ConvergenceFigures c = r.convergence();
            assertTrue(c.probes() >= 1, c.toString());
            assertTrue(c.timeouts() > 0 || c.maxMillis() >= 500, "the partitioned node's lag is missing: " + c);
            // The partitioned node is audited like the others; what it misses is reported next to its faults.
            AuditFigures.NodeReplicas partitioned = r.audit().missingReplicas().stream()
                    .filter(n -> n.node() == 2).findFirst().orElseThrow();
            assertFalse(partitioned.faults().isEmpty(), "the partitioned node's faults are named: " + partitioned);
        }
    }
}
