package io.repram.orchestrate.cli;

import io.repram.orchestrate.engine.docker.DockerLabels;
import io.repram.orchestrate.engine.swarm.TestSwarm;
import io.repram.orchestrate.results.ResultsDir;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * smoke.yaml with --driver swarm and 2 load agents (a replicated swarm service) through the CLI:
 * the same result files as the docker driver, the agents' shares in the results, nothing left.
 */
@Tag("docker")
class RunCommandSwarmDockerTest {
    @TempDir
    Path results;

    @Test
    void smokeScenarioRunsOnSwarmWithTheDockerDriversResultShape() throws Exception {
        Path repo = Path.of(System.getProperty("repram.repo.root"));
        Captured console = new Captured();
        try (TestSwarm swarm = TestSwarm.ensure()) {
            int code = console.run(new RunCommand(), repo.resolve("scenarios/smoke.yaml").toString(),
                    "--driver", "swarm", "--agents", "2", "--ci",
                    "--node-jar", System.getProperty("repram.node.jar"), "--results-dir", results.toString());
            assertEquals(ExitCodes.OK, code, console.toString());

            Path dir;
            try (Stream<Path> dirs = Files.list(results)) {
                dir = dirs.findFirst().orElseThrow();
            }
            List<String> csv = Files.readAllLines(dir.resolve("summary.csv"));
            assertEquals(3, csv.size(), "header + one row per cell: " + csv);
            assertTrue(csv.get(0).startsWith("cluster_size,concurrency,payload_bytes,requests_per_sec,success_percent,mean_latency_us,"
                    + "p50_latency_us,p90_latency_us,p99_latency_us,p999_latency_us,max_latency_us,error_count,puts_per_sec,"
                    + "gets_per_sec,node_peak_cpu_percent,cluster_peak_cpu_percent,node_peak_memory_bytes,cluster_peak_memory_bytes"),
                    csv.get(0));
            for (String f : List.of("1nodes_10conc_1024bytes.json", "3nodes_10conc_1024bytes.json", "cluster_1_metrics.txt",
                    "cluster_3_metrics.txt", "run.json", "report.md", "report.xml", "container_stats.csv")) {
                assertTrue(Files.isRegularFile(dir.resolve(f)), f + " missing");
            }
            for (String cell : List.of("1nodes_10conc_1024bytes.json", "3nodes_10conc_1024bytes.json")) {
                String json = Files.readString(dir.resolve(cell)).replaceAll("\\s+", "");
                assertEquals(2, json.split("\"share_percent\"", -1).length - 1, "two agents' shares in " + cell + ": " + json);
            }
            String report = Files.readString(dir.resolve("report.md"));
            assertTrue(report.contains("## Load agents"), "report.md has the agents section");
            assertTrue(report.contains("## Placement") && report.contains("| 3 | 2 |"), "report.md has the placement: " + report);
            assertTrue(console.out().contains("2 load agent(s) ready"), "agents started on swarm:\n" + console.out());
            String runJson = Files.readString(dir.resolve("run.json")).replaceAll("\\s+", "");
            assertTrue(runJson.contains("\"driver\":\"swarm\""), runJson);
            assertTrue(runJson.contains("\"placement\":[{"), "placement recorded: " + runJson);
            assertTrue(runJson.contains("\"cluster_size\":3,\"node_index\":2"), "placement per cluster size: " + runJson);
            assertTrue(runJson.contains("\"stats_source\":\"dockerstats"), "stats source recorded: " + runJson);
            assertTrue(console.out().contains("Placement "), "placement in the event log:\n" + console.out());

            String runId = dir.getFileName().toString().replace(ResultsDir.PREFIX, "").replace('_', '-');
            assertEquals(List.of(), swarm.awaitNoLeftovers(DockerLabels.RUN + "=" + runId, 15_000),
                    "objects of run " + runId + " left behind");
        }
    }
}
