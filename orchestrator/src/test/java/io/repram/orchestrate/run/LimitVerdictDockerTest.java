package io.repram.orchestrate.run;

import io.repram.orchestrate.engine.docker.DockerEngine;
import io.repram.orchestrate.report.ResultsWriter;
import io.repram.orchestrate.results.CellLimit;
import io.repram.orchestrate.results.CellResult;
import io.repram.orchestrate.results.LimitEvidence;
import io.repram.orchestrate.results.ResultsDir;
import io.repram.orchestrate.results.RunInfo;
import io.repram.orchestrate.scenario.RunPlan;
import io.repram.orchestrate.scenario.Scenario;
import io.repram.orchestrate.scenario.ScenarioLoader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code node.cpus: 0.1} on the docker driver: Docker's throttling counters name the node's quota as the limit. */
@Tag("docker")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LimitVerdictDockerTest {

    @TempDir
    Path tmp;

    @Test
    void aNodeAtATenthOfACoreIsAtItsCpuLimit() throws Exception {
        Path jar = Path.of(System.getProperty("repram.node.jar", "../node/target/repram-node.jar"));
        assumeTrue(Files.isRegularFile(jar), "build the node jar first: mvn -pl node -am package -DskipTests");
        Scenario s = ScenarioLoader.load(Path.of(getClass().getResource("/limits/throttled-node.yaml").toURI()), w -> { });
        CellResult r;
        try (DockerEngine engine = new DockerEngine(new DockerEngine.Options(jar, false, false, line -> { }))) {
            ResultsWriter writer = ResultsWriter.start(ResultsDir.create(tmp, LocalDateTime.now()),
                    RunInfo.of(s, engine.environment(), Instant.now(), "test"));
            r = new Runner(engine, RunPlan.of(s), writer, new RunListener() { }, new RunControl(),
                    new Runner.Options("limits-throttled", 0, Duration.ofSeconds(90), Duration.ofSeconds(20))).run()
                    .results().get(0);
        }
        LimitEvidence e = r.limit().evidence();
        System.out.println("node.cpus 0.1: " + r.limit().summary());
        assertNotNull(e.nodeThrottledPercent(), "the docker driver reads the throttling counters: " + e);
        assertTrue(e.nodeThrottledPercent() >= 50, "a node at a tenth of a core is throttled most periods: " + e);
        assertEquals(0.1, e.nodeCpuLimitCores());
        assertEquals(CellLimit.NODE_CPU_LIMIT, r.limit().verdict(), r.limit().summary());
        assertTrue(r.limit().summary().contains("limit 0.1 cores"), r.limit().summary());
    }
}
