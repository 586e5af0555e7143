package io.repram.orchestrate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
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

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        RunCommand cmd = new RunCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CommandLine(cmd).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
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
        assertEquals(ExitCodes.OK, code, "stdout:\n" + out + "\nstderr:\n" + err);

        Path dir = onlyRunDir();
        for (String f : List.of("run.json", "summary.csv", "3nodes_4conc_512bytes.json", "container_stats.csv",
                "cluster_3_metrics.txt", "report.md", "report.xml")) {
            assertTrue(Files.isRegularFile(dir.resolve(f)), f + " missing in " + dir);
        }
        List<String> csv = Files.readAllLines(dir.resolve("summary.csv"));
        assertTrue(csv.get(0).startsWith("cluster_size,concurrency,data_size,requests_per_sec,success_rate,avg_latency_ns"));
        assertTrue(csv.get(1).startsWith("3,4,512,"), csv.get(1));

        JsonNode runJson = new ObjectMapper().readTree(dir.resolve("run.json").toFile());
        assertEquals("process", runJson.path("driver").asText());
        JsonNode cell = new ObjectMapper().readTree(dir.resolve("3nodes_4conc_512bytes.json").toFile());
        assertTrue(cell.toString().contains("\"status\":\"ok\""), cell.toString());
        // Replication across processes worked: every request, PUT or GET of a written key, succeeded.
        assertTrue(Files.readString(dir.resolve("cluster_3_metrics.txt")).contains("/v1/gossip/message"));
        assertTrue(out.toString().contains("Progress:") || out.toString().contains("Result 3nodes_4conc_512bytes"),
                out.toString());
        assertEquals(0, ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().orElse("").contains("repram-node")).count(),
                "no node process may outlive the run");
    }

    @Test
    void shippedSmokeScenarioRunsWithTheProcessDriver() throws Exception {
        Path smoke = Path.of(System.getProperty("repram.repo.root"), "scenarios", "smoke.yaml");
        int code = run(smoke.toString(), "--driver", "process", "--ci", "--results-dir", results.toString());
        assertEquals(ExitCodes.OK, code, "stdout:\n" + out + "\nstderr:\n" + err);
        Path dir = onlyRunDir();
        assertEquals(3, Files.readAllLines(dir.resolve("summary.csv")).size(), "header + 2 cells");
        assertTrue(Files.isRegularFile(dir.resolve("report.html")), "charts and report.html are drawn at the end");
        assertTrue(out.toString().contains("3nodes_10conc_1024bytes"), out.toString());
    }

    @Test
    void resumeRunsOnlyTheCellsThatAreNotOnDisk() throws Exception {
        assertEquals(ExitCodes.OK, run(fixture("two-cells.yaml"), "--driver", "process", "--ci",
                "--results-dir", results.toString()), err.toString());
        Path dir = onlyRunDir();
        String kept = Files.readString(dir.resolve("1nodes_2conc_256bytes.json"));
        // As if the run had died during its second cell.
        Files.delete(dir.resolve("1nodes_4conc_256bytes.json"));
        out.reset();

        assertEquals(ExitCodes.OK, run("--resume", dir.toString(), "--driver", "process", "--ci"), err.toString());
        assertTrue(out.toString().contains("Plan: 1 cell(s)"), out.toString());
        assertTrue(out.toString().contains("1nodes_4conc_256bytes"), out.toString());
        assertFalse(out.toString().contains("[1/1] 1nodes_2conc_256bytes"), out.toString());
        assertEquals(kept, Files.readString(dir.resolve("1nodes_2conc_256bytes.json")), "finished cell untouched");
        assertTrue(Files.isRegularFile(dir.resolve("1nodes_4conc_256bytes.json")));
        assertEquals(3, Files.readAllLines(dir.resolve("summary.csv")).size(), "summary covers old and new cells");

        out.reset();
        assertEquals(ExitCodes.OK, run("--resume", dir.toString(), "--driver", "process", "--ci"));
        assertTrue(out.toString().contains("Nothing to run"), out.toString());
    }

    @Test
    void breachedThresholdExits99AndIsAFailureInReportXml() throws Exception {
        int code = run(fixture("unreachable-threshold.yaml"), "--driver", "process", "--ci",
                "--results-dir", results.toString());
        assertEquals(ExitCodes.THRESHOLD_BREACHED, code, "stdout:\n" + out + "\nstderr:\n" + err);
        String xml = Files.readString(onlyRunDir().resolve("report.xml"));
        assertTrue(xml.contains("<failure"), xml);
        assertTrue(xml.contains("requests_per_sec"), xml);
        assertTrue(out.toString().contains("BREACH"), out.toString());
    }

    @Test
    void typoInScenarioIsBadInputNamingLineAndColumnAndStartsNothing() throws Exception {
        int code = run(fixture("typo.yaml"), "--driver", "process", "--results-dir", results.toString());
        assertEquals(ExitCodes.BAD_INPUT, code);
        String e = err.toString();
        assertTrue(e.contains("typo.yaml:4:3"), e);
        assertTrue(e.contains("concurrency"), "suggests the right key: " + e);
        try (Stream<Path> dirs = Files.list(results)) {
            assertFalse(dirs.findAny().isPresent(), "nothing is written for an invalid file");
        }
    }

    @Test
    void conflictingPresetsAreBadUsage() {
        assertEquals(ExitCodes.BAD_INPUT, run("--quick", "--full", "--results-dir", results.toString()));
        assertTrue(err.toString().contains("not several"), err.toString());
    }
}
