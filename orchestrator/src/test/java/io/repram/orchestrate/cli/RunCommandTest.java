package io.repram.orchestrate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `run` end to end with the process driver: no Docker needed. */
class RunCommandTest {
    @TempDir
    Path results;

    private final Captured console = new Captured();

    private int run(String... args) {
        return console.run(new RunCommand(), args);
    }

    private static String fixture(String name) throws URISyntaxException {
        return Path.of(RunCommandTest.class.getResource("/cli/" + name).toURI()).toString();
    }

    private Path onlyRunDir() throws Exception {
        try (Stream<Path> dirs = Files.list(results)) {
            List<Path> all = dirs.toList();
            assertEquals(1, all.size(), "one results directory: " + all);
            return all.get(0);
        }
    }

    @Test
    void processDriverRunWritesEveryResultFileAndLeavesNoNodeBehind() throws Exception {
        int code = run(fixture("tiny-process.yaml"), "--driver", "process", "--ci",
                "--results-dir", results.toString());
        assertEquals(ExitCodes.OK, code, console.toString());

        Path dir = onlyRunDir();
        for (String f : List.of("run.json", "summary.csv", "3nodes_4conc_512bytes.json", "container_stats.csv",
                "cluster_3_metrics.txt", "report.md", "report.xml")) {
            assertTrue(Files.isRegularFile(dir.resolve(f)), f + " missing in " + dir);
        }
        for (int i = 0; i < 3; i++) {
            Path log = dir.resolve("logs/3nodes/node-" + i + ".log");
            assertTrue(Files.size(log) > 0, "every node's log is kept: " + log);
        }
        List<String> csv = Files.readAllLines(dir.resolve("summary.csv"));
        assertTrue(csv.get(0).startsWith("cluster_size,concurrency,payload_bytes,requests_per_sec,success_percent,mean_latency_us"));
        assertTrue(csv.get(1).startsWith("3,4,512,"), csv.get(1));

        JsonNode runJson = new ObjectMapper().readTree(dir.resolve("run.json").toFile());
        assertEquals("process", runJson.path("driver").asText());
        JsonNode cell = new ObjectMapper().readTree(dir.resolve("3nodes_4conc_512bytes.json").toFile());
        assertTrue(cell.toString().contains("\"status\":\"ok\""), cell.toString());
        // Replication across processes worked: every request, PUT or GET of a written key, succeeded.
        assertTrue(Files.readString(dir.resolve("cluster_3_metrics.txt")).contains("/v1/gossip/message"));
        assertTrue(console.out().contains("Progress:") || console.out().contains("Result 3nodes_4conc_512bytes"),
                console.out());
        assertEquals(0, ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().orElse("").contains("repram-node")).count(),
                "no node process may outlive the run");
    }

    @Test
    void shippedSmokeScenarioRunsWithTheProcessDriver() throws Exception {
        Path smoke = Path.of(System.getProperty("repram.repo.root"), "scenarios", "smoke.yaml");
        int code = run(smoke.toString(), "--driver", "process", "--ci", "--results-dir", results.toString());
        assertEquals(ExitCodes.OK, code, console.toString());
        Path dir = onlyRunDir();
        assertEquals(3, Files.readAllLines(dir.resolve("summary.csv")).size(), "header + 2 cells");
        assertTrue(Files.isRegularFile(dir.resolve("report.html")), "charts and report.html are drawn at the end");
        assertTrue(console.out().contains("3nodes_10conc_1024bytes"), console.out());
    }

    @Test
    void resumeRunsOnlyTheCellsThatAreNotOnDisk() throws Exception {
        assertEquals(ExitCodes.OK, run(fixture("two-cells.yaml"), "--driver", "process", "--ci",
                "--results-dir", results.toString()), console.err());
        Path dir = onlyRunDir();
        String kept = Files.readString(dir.resolve("1nodes_2conc_256bytes.json"));
        // As if the run had died during its second cell.
        Files.delete(dir.resolve("1nodes_4conc_256bytes.json"));
        console.reset();

        assertEquals(ExitCodes.OK, run("--resume", dir.toString(), "--driver", "process", "--ci"), console.err());
        assertTrue(console.out().contains("Plan: 1 cell(s)"), console.out());
        assertTrue(console.out().contains("1nodes_4conc_256bytes"), console.out());
        assertFalse(console.out().contains("[1/1] 1nodes_2conc_256bytes"), console.out());
        assertEquals(kept, Files.readString(dir.resolve("1nodes_2conc_256bytes.json")), "finished cell untouched");
        assertTrue(Files.isRegularFile(dir.resolve("1nodes_4conc_256bytes.json")));
        assertEquals(3, Files.readAllLines(dir.resolve("summary.csv")).size(), "summary covers old and new cells");

        console.reset();
        assertEquals(ExitCodes.OK, run("--resume", dir.toString(), "--driver", "process", "--ci"));
        assertTrue(console.out().contains("Nothing to run"), console.out());
    }

    @Test
    void breachedThresholdExits99AndIsAFailureInReportXml() throws Exception {
        int code = run(fixture("unreachable-threshold.yaml"), "--driver", "process", "--ci",
                "--results-dir", results.toString());
        assertEquals(ExitCodes.THRESHOLD_BREACHED, code, console.toString());
        String xml = Files.readString(onlyRunDir().resolve("report.xml"));
        assertTrue(xml.contains("<failure"), xml);
        assertTrue(xml.contains("requests_per_sec"), xml);
        assertTrue(console.out().contains("BREACH"), console.out());
    }

    @Test
    void typoInScenarioIsBadInputNamingLineAndColumnAndStartsNothing() throws Exception {
        int code = run(fixture("typo.yaml"), "--driver", "process", "--results-dir", results.toString());
        assertEquals(ExitCodes.BAD_INPUT, code);
        String e = console.err();
        assertTrue(e.contains("typo.yaml:4:3"), e);
        assertTrue(e.contains("concurrency"), "suggests the right key: " + e);
        try (Stream<Path> dirs = Files.list(results)) {
            assertFalse(dirs.findAny().isPresent(), "nothing is written for an invalid file");
        }
    }

    @Test
    void conflictingPresetsAreBadUsage() {
        assertEquals(ExitCodes.BAD_INPUT, run("--quick", "--full", "--results-dir", results.toString()));
        assertTrue(console.err().contains("not several"), console.err());
    }
}
