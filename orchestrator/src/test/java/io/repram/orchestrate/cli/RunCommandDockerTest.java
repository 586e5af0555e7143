package io.repram.orchestrate.cli;

import com.github.dockerjava.api.DockerClient;
import io.repram.orchestrate.engine.docker.DockerConnection;
import io.repram.orchestrate.engine.docker.DockerLabels;
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

/** The shipped smoke scenario against real containers: what CI runs, end to end. */
@Tag("docker")
class RunCommandDockerTest {
    @TempDir
    Path results;

    @Test
    void smokeScenarioRunsInDockerWritesResultsAndLeavesNothingLabelled() throws Exception {
        Path repo = Path.of(System.getProperty("repram.repo.root"));
        Captured console = new Captured();
        int code = console.run(new RunCommand(), repo.resolve("scenarios/smoke.yaml").toString(),
                "--driver", "docker", "--ci",
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
                "cluster_3_metrics.txt", "run.json", "report.md", "report.xml")) {
            assertTrue(Files.isRegularFile(dir.resolve(f)), f + " missing");
        }
        List<String> stats = Files.readAllLines(dir.resolve("container_stats.csv"));
        assertTrue(stats.size() > 5, "the Engine stats stream delivered samples: " + stats.size());
        assertTrue(Files.readString(dir.resolve("run.json")).contains("\"driver\" : \"docker\"")
                || Files.readString(dir.resolve("run.json")).contains("\"driver\":\"docker\""));

        String runId = dir.getFileName().toString().replace(ResultsDir.PREFIX, "").replace('_', '-');
        DockerClient docker = DockerConnection.open();
        try {
            String byRun = DockerLabels.RUN + "=" + runId;
            assertEquals(0, docker.listContainersCmd().withShowAll(true)
                    .withLabelFilter(List.of(byRun)).exec().size(), "containers of run " + runId + " left behind");
            assertEquals(0, docker.listNetworksCmd().withFilter("label", List.of(byRun)).exec().size(),
                    "networks of run " + runId + " left behind");
        } finally {
            DockerConnection.closeQuietly(docker);
        }
    }
}
