package io.repram.orchestrate.scenario;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScenarioLoaderTest {

    static Path fixture(String name) {
        try {
            return Path.of(ScenarioLoaderTest.class.getResource("/scenario/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Scenario parse(String yaml) {
        return ScenarioLoader.parse(new StringReader(yaml), "test.yaml", "test", w -> { });
    }

    static ScenarioException failure(String yaml) {
        return assertThrows(ScenarioException.class, () -> parse(yaml));
    }

    @Test
    void readsEveryKey() {
        Scenario s = ScenarioLoader.load(fixture("complete.yaml"), w -> { });
        assertEquals("complete", s.name());
        assertEquals("example/repram:1.2", s.image());
        assertEquals(new Matrix(List.of(1, 3), List.of(10, 25), List.of(4096)), s.matrix());
        assertEquals(Duration.ofMinutes(2), s.duration());
        assertEquals(Duration.ofMillis(500), s.warmup());
        assertEquals(new Cooldown(Duration.ofSeconds(90), Duration.ofSeconds(45)), s.cooldown());
        assertEquals(new Workload(50, 600, 42, 800, Workload.Targets.FIRST), s.workload());
        assertEquals(Map.of("REPRAM_REPLICATION", "3", "REPRAM_RATE_LIMIT", "0"), s.node().env());
        assertEquals(1.5, s.node().cpus());
        assertEquals(512L * 1024 * 1024, s.node().memoryBytes());
        assertEquals(Map.of("success_rate", ">= 99.9", "p99_ms", "<= 50", "requests_per_sec", "> 1000"), s.thresholds());
        assertEquals(List.of(new FaultSpec(Duration.ofSeconds(20), "kill", "0")), s.faults());
    }

    @Test
    void missingKeysTakeTheDefaults() {
        Scenario s = parse("matrix: {concurrency: [5]}\n");
        Scenario d = ScenarioDefaults.scenario();
        assertEquals("test", s.name(), "the name defaults to the file name");
        assertEquals(d.image(), s.image());
        assertEquals(new Matrix(List.of(3), List.of(5), List.of(1024)), s.matrix());
        assertEquals(d.duration(), s.duration());
        assertEquals(d.warmup(), s.warmup());
        assertEquals(d.cooldown(), s.cooldown());
        assertEquals(d.workload(), s.workload());
        assertEquals(d.node(), s.node());
        assertTrue(s.thresholds().isEmpty());
        assertTrue(s.faults().isEmpty());
    }

    @Test
    void anEmptyMappingIsTheDefaultScenario() {
        // Asked for explicitly; an empty file is refused (below).
        Scenario s = parse("{}\n");
        assertEquals(ScenarioDefaults.matrix(), s.matrix());
        assertEquals(null, s.workload().ratePerSecond());
    }

    @Test
    void unknownKeyIsReportedWithPositionSuggestionAndAllowedKeys() {
        Path file = fixture("typo.yaml");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file, w -> { }));
        assertEquals(1, e.problems().size(), e.getMessage());
        assertEquals(file + ":4:3: unknown key 'payload_byte' in matrix (did you mean payload_bytes?); "
                + "allowed keys: cluster_sizes, concurrency, payload_bytes", e.problems().get(0));
    }

    @Test
    void unknownTopLevelKeyIsRejected() {
        ScenarioException e = failure("name: x\nduraton: 5s\n");
        assertTrue(e.getMessage().startsWith("test.yaml:2:1: unknown key 'duraton' in a scenario file "
                + "(did you mean duration?)"), e.getMessage());
    }

    @Test
    void everyProblemIsReportedInFileOrder() {
        Path file = fixture("many-problems.yaml");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file, w -> { }));
        List<String> p = e.problems();
        String f = file.toString();
        assertEquals(List.of(
                f + ":3:19: matrix.cluster_sizes value 0 is out of range; allowed 1..50",
                f + ":3:25: matrix.cluster_sizes lists 3 twice; each value runs once, remove the repeat",
                f + ":4:16: matrix.concurrency value 20000 is out of range; allowed 1..10000",
                f + ":5:11: duration: 'soon' is not a duration; use " + Units.DURATION_FORMS,
                f + ":7:16: workload.put_percent 120 is out of range; allowed 0..100",
                f + ":8:16: workload.ttl_seconds 100000 is out of range; allowed 1..86400",
                f + ":9:12: workload.targets 'some' is not allowed; use all (spread over every node) "
                        + "or first (everything to node 0, as the old framework did)",
                f + ":11:11: node.memory 2048 bytes is below Docker's minimum of 6m; give at least 6m "
                        + "(a JVM node wants 64m or more)",
                f + ":13:3: unknown threshold 'p99_msec' (did you mean p99_ms?); allowed: " + String.join(", ",
                        ThresholdMetric.keys()),
                f + ":14:17: threshold success_rate must be " + Threshold.EXPRESSION_FORMS + ", not the value '99.9'",
                f + ":15:11: threshold p50_ms: 'about 5' is not an expression; write " + Threshold.EXPRESSION_FORMS,
                f + ":17:23: fault action 'explode' is not allowed; allowed: " + String.join(", ", FaultReader.ACTIONS)),
                p.subList(0, Math.min(p.size(), 12)));
        assertEquals(12, p.size(), e.getMessage());
    }

    @Test
    void faultsAreValidatedAgainstTheSmallestClusterAndTheWindow() {
        Path file = fixture("faults.yaml");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file, w -> { }));
        String f = file.toString();
        assertEquals(List.of(
                f + ":8:36: fault node index (smallest cluster size is 3) 3 is out of range; allowed 0..2",
                f + ":9:10: fault at 1m30s would never fire: the measured window is 1m long; use a time below that, "
                        + "or a longer duration",
                f + ":10:5: a fault needs 'action'; e.g. {at: 20s, action: kill, node: 1}"), e.problems());
    }

    @Test
    void validFaultsAreKeptInOrder() {
        Scenario s = parse("""
                matrix: {cluster_sizes: [3]}
                faults:
                  - {at: 20s, action: kill, node: 1}
                  - {at: 30s, action: disconnect, node: random}
                  - {at: 45s, action: reconnect, node: all-but-one}
                """);
        assertEquals(List.of(new FaultSpec(Duration.ofSeconds(20), "kill", "1"),
                new FaultSpec(Duration.ofSeconds(30), "disconnect", "random"),
                new FaultSpec(Duration.ofSeconds(45), "reconnect", "all-but-one")), s.faults());
    }

    @Test
    void thresholdTyposNeverDisableAGate() {
        assertTrue(failure("thresholds: {succes_rate: \">= 99\"}\n").getMessage()
                .contains("unknown threshold 'succes_rate' (did you mean success_rate?)"));
        assertTrue(failure("thresholds: {p99_ms: \"=< 50\"}\n").getMessage().contains("is not an expression"));
        assertTrue(failure("thresholds: {success_rate: \">= 150\"}\n").getMessage()
                .contains("bound 150 is out of range; allowed 0..100 (percent)"));
        assertTrue(failure("thresholds: [p99_ms]\n").getMessage().contains("thresholds must be a mapping"));
    }

    @Test
    void wrongShapesAndSyntaxAreReported() {
        assertEquals("test.yaml:1:9: matrix must be a mapping of cluster_sizes, concurrency, payload_bytes, "
                + "not the value '3'", failure("matrix: 3\n").getMessage());
        assertTrue(failure("name: [a\n").getMessage().startsWith("test.yaml:"), "syntax error has a position");
        assertTrue(failure("name: a\nname: b\n").getMessage()
                .contains("test.yaml:2:1: 'name' is given twice (first at line 1)"));
        assertTrue(failure("matrix: {cluster_sizes: []}\n").getMessage()
                .contains("matrix.cluster_sizes must list at least one value in 1..50"));
        assertTrue(failure("workload: {rate: 0}\n").getMessage()
                .contains("workload.rate (requests per second, or null for closed loop) 0 is out of range"));
        assertTrue(failure("name: 'has space'\n").getMessage().contains("may hold only letters"));
    }

    @Test
    void shortTtlIsAcceptedWithAWarning() {
        List<String> warnings = new ArrayList<>();
        Scenario s = ScenarioLoader.parse(new StringReader("workload:\n  ttl_seconds: 60\n"), "t.yaml", "t",
                warnings::add);
        assertEquals(60, s.workload().ttlSeconds());
        assertEquals(List.of("t.yaml:2: workload.ttl_seconds 60 is below 300; upstream REPRAM nodes raise it to 300 s"),
                warnings);
    }

    @Test
    void missingFileNamesTheShippedScenarios() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioLoader.load(Path.of("no/such.yaml")));
        assertTrue(e.getMessage().contains("no such scenario file"), e.getMessage());
    }

    @Test
    void anEmptyFileIsRefusedInsteadOfRunningTheDefaults(@TempDir Path dir) throws Exception {
        for (String text : List.of("", "\n\n", "# only a comment\n   \n")) {
            Path file = Files.writeString(dir.resolve("empty.yaml"), text);
            ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file, w -> { }),
                    "text: '" + text + "'");
            assertEquals(file + ":1:1: the scenario file is empty (no keys, only blanks or comments). Fix: give at"
                    + " least a matrix, as in scenarios/quick.yaml, or leave the file out to run the defaults on purpose",
                    e.getMessage());
        }
    }

    @Test
    void aBinaryFileIsNamedNotText(@TempDir Path dir) throws Exception {
        // Invalid UTF-8 (once answered "Input length = 1"), and valid UTF-8 that holds NUL bytes.
        for (byte[] bytes : List.of(new byte[] {(byte) 0xFF, (byte) 0xFE, 0x00, 0x41},
                new byte[] {'P', 'K', 3, 4, 0, 0, 'n', 'a', 'm', 'e'})) {
            Path file = Files.write(dir.resolve("results.zip"), bytes);
            ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file, w -> { }));
            assertEquals(file + ": not a text file (it holds bytes that are not UTF-8 text), so it cannot be a YAML"
                    + " scenario. Fix: pass a scenario file such as scenarios/quick.yaml", e.getMessage());
        }
    }
}
