package io.repram.orchestrate.results;

import com.fasterxml.jackson.databind.JsonNode;
import io.repram.orchestrate.scenario.Cell;
import io.repram.orchestrate.scenario.Cooldown;
import io.repram.orchestrate.scenario.FaultSpec;
import io.repram.orchestrate.scenario.Matrix;
import io.repram.orchestrate.scenario.NodeSettings;
import io.repram.orchestrate.scenario.Scenario;
import io.repram.orchestrate.scenario.ScenarioLoader;
import io.repram.orchestrate.scenario.Workload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Schema 2 of the results files, against golden files, and the reading of schema 1 files. */
class ResultsSchemaTest {

    static final Path FIXTURES = Path.of("src/test/resources/results");

    @TempDir
    Path tmp;

    static final Scenario SCENARIO = new Scenario("schema", "repram-node:latest",
            new Matrix(List.of(1, 3), List.of(10, 50), List.of(1024)), Duration.ofSeconds(10),
            Duration.ofSeconds(2), new Cooldown(Duration.ofSeconds(1), Duration.ofSeconds(2)),
            new Workload(70, 300, 1000, 2000, Workload.Targets.FIRST),
            new NodeSettings(Map.of("REPRAM_REPLICATION", "3"), 1.5, 512L << 20),
            Map.of("success_rate", ">= 99", "p99_ms", "<= 40"),
            List.of(new FaultSpec(Duration.ofMillis(5500), "pause", "0"), new FaultSpec(Duration.ofSeconds(7),
                    "kill", "random")));

    /** A cell with every optional part: per-node figures, faults, convergence, audit and an agent. */
    static CellResult fullCell() {
        LatencySummary all = new LatencySummary(20000, 4.355581491791908E7, 100_400, 2_000_600, 4_000_000,
                30_000_000, 45_000_000, 90_000_000);
        List<NodeFigures> nodes = List.of(new NodeFigures(0, "http://127.0.0.1:8080", 20000, 19990, 10,
                Map.of("status_503", 10L), 10, 9, 90.0, List.of(new NodeFigures.Outage(5.0, 1.0))));
        LoadFigures load = new LoadFigures(20000, 19990, 10, 14000, 6000, 10.0, all, all, all,
                Map.of("status_503", 10L), nodes);
        return new CellResult(new Cell(2, 3, 10, 1024), 1_735_787_045_000L, 1_735_787_055_000L, load, 172.0,
                900L << 20, "ok", null,
                List.of(new FaultEvent(5500, "pause", 0, FaultEvent.SCENARIO, true, null),
                        new FaultEvent(10500, "unpause", 0, FaultEvent.RESTORE, true, null)),
                new ConvergenceFigures(20, 0, 1, 5000, 12.5, 80.25, 120.0),
                new AuditFigures(500, 480, List.of(0, 1, 2), 50, 2, 0, 1,
                        List.of(new AuditFigures.NodeReplicas(0, "listing", 3, List.of("pause node 0 at 5.50 s"))),
                        2000, new AuditFigures.Sample(100_000, 5_000, 0.04, 0.091),
                        List.of(new AuditFigures.Mismatch(1, "lg-0042", 1024, 512, 512))),
                List.of(new AgentShare(0, "agent-0", "local process 1", 20000, 2000.0, 100.0, 10, 2000, 55.555_555_5, 80.0,
                        2.0, 1500, 9000, false, null)),
                81.0, 310L << 20).withTrials(new TrialFigures(List.of(
                new TrialFigures.Trial(1, 1_700_000_000_000L, 2000.0, 4_000, 99.95, 10_000, "precision reached", 31_000,
                        true, false, 21_000L),
                new TrialFigures.Trial(2, 1_700_000_050_000L, 2100.0, 4_200, 99.9, 60_000, "max duration reached", 90_000,
                        true, true, null)),
                new TrialFigures.Estimate(2050.0, 2000.0, 2100.0, 2, TrialFigures.Estimate.TRIALS, 50.0),
                new TrialFigures.Estimate(4100.0, 4000.0, 4200.0, 2, TrialFigures.Estimate.TRIALS, 50.0)))
                .withLimit(new CellLimit(CellLimit.HOST_CPU,
                "Host CPU: the machine's CPU was 97% busy over 2 cores, all processes (bound 90%).",
                List.of(CellLimit.LOAD_GENERATOR), new LimitEvidence(10.0, 97.25, 2, 2, 55.5, 120.0, 2000.0,
                        12_000L, 40_000L, 0, null, 1.5, 3.5, 200_000L, 1, 0.8, 80_000L, 0, 0.05, 0, 90.0, 0.5, 1.0,
                        2000.0, 30_000L, 5, 1800.0, 20_000L)));
    }

    @Test
    void theCellJsonMatchesTheGoldenFile() throws Exception {
        String json = ResultsJson.write(CellFile.of(fullCell(), List.of(new Breach("p99_ms", 30, "<= 20")))) + "\n";
        Path golden = FIXTURES.resolve("golden-cell.json");
        if (!json.equals(Files.readString(golden))) {
            // For review: the text to compare with (and, after checking it, to copy over) the golden file.
            Files.writeString(Path.of("target/golden-cell.actual.json"), json);
        }
        assertEquals(Files.readString(golden), json);
        JsonNode tree = ResultsJson.mapper().readTree(json);
        assertFalse(tree.path("result").path("load").has("s_per_sec"), json);
        assertEquals(43556, tree.path("result").path("load").path("all").path("mean_us").asLong());
        assertTrue(tree.path("result").path("load").path("all").path("mean_us").isIntegralNumber());
        assertFalse(json.contains("E7") || json.contains("E+"), "no exponents: " + json);
        assertTrue(json.contains("\"avg_cpu_percent\" : 55.556,"), "decimals rounded to 3 places: " + json);
    }

    /** Every field name a script can meet in a cell file, summary.csv or load --json is in docs/results.md. */
    /** A cell file written before intervals kept their level reads with none, not with a 95% it never had. */
    @Test
    void anEstimateWithoutALevelReadsAsUnknownLevel() throws Exception {
        TrialFigures.Estimate e = ResultsJson.mapper().readValue(
                "{\"point\": 4000.0, \"ci_low\": 3900.0, \"ci_high\": 4100.0, \"samples\": 3, \"basis\": \"trials\"}",
                TrialFigures.Estimate.class);
        assertNull(e.levelPercent());
        assertEquals(3900.0, e.ciLow());
    }

    @Test
    void docsResultsMdNamesEveryField() throws Exception {
        String docs = Files.readString(Path.of(System.getProperty("repram.repo.root", ".."), "docs", "results.md"));
        java.util.Set<String> names = new java.util.TreeSet<>();
        fieldNames(ResultsJson.mapper().readTree(FIXTURES.resolve("golden-cell.json").toFile()), names);
        names.addAll(List.of(Files.readString(FIXTURES.resolve("golden-summary-header.csv")).strip().split(",")));
        RunInfo info = new RunInfo(SCENARIO, "docker", "27.3.1", 2, 8L << 30, "sha256:abc",
                Instant.parse("2025-01-02T03:04:05Z"), "0.1.0").withEngineDetails(new io.repram.orchestrate.engine.EngineDetails(
                List.of(new io.repram.orchestrate.engine.Placement("r1", 3, 0, "repram-r1-node-0", "t0", "id", "host-a",
                        "1", "host")), "docker stats", "0"));
        JsonNode run = ResultsJson.mapper().readTree(ResultsJson.write(info));
        run.fieldNames().forEachRemaining(names::add);
        fieldNames(run.path("engine_details"), names);
        io.repram.orchestrate.load.LoadSpec spec = io.repram.orchestrate.load.LoadSpec.of(
                List.of(java.net.URI.create("http://127.0.0.1:8080")), SCENARIO.workload(), 10, 1024,
                Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(5), 1);
        fieldNames(io.repram.orchestrate.load.LoadReport.json(spec, fullCell().load()), names);
        List<String> missing = names.stream().filter(n -> !docs.contains("`" + n + "`")).toList();
        assertEquals(List.of(), missing, "fields without a word in docs/results.md");
    }

    /** Object keys, recursively; the keys of maps of counts (errors by class) are values, not fields. */
    private static void fieldNames(JsonNode node, java.util.Set<String> out) {
        if (node.isArray()) {
            node.forEach(n -> fieldNames(n, out));
        } else if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                out.add(e.getKey());
                if (!e.getKey().equals("errors_by_class")) fieldNames(e.getValue(), out);
            });
        }
    }

    @Test
    void aCellFileReadsBackAsWritten() throws Exception {
        Path file = tmp.resolve("3nodes_10conc_1024bytes.json");
        Files.writeString(file, ResultsJson.write(CellFile.of(fullCell(), List.of())));
        CellResult read = ResultsJson.read(file, CellFile.class, SchemaV1::upgradeCell).result();
        // Microseconds keep every figure of the fixture but the sub-microsecond digits of the mean.
        assertEquals(Micros.fromNanos(fullCell().load().all().meanNanos()), Micros.fromNanos(read.load().all().meanNanos()));
        assertEquals(2_001_000, read.load().all().p50Nanos(), "2000.6 µs rounds to 2001");
        assertEquals(fullCell().convergence(), read.convergence());
        assertEquals(fullCell().audit(), read.audit());
        assertEquals(55.556, read.agents().get(0).avgCpuPercent(), "decimals keep 3 places");
        assertEquals(ResultsJson.write(CellFile.of(fullCell(), List.of())), ResultsJson.write(CellFile.of(read, List.of())),
                "what is read back writes the same file");
        assertEquals(fullCell().faults(), read.faults());
        assertEquals(fullCell().load().nodes(), read.load().nodes());
        assertEquals(Double.valueOf(81.0), read.nodePeakCpuPercent());
        assertEquals(Long.valueOf(310L << 20), read.nodePeakMemoryBytes());
    }

    @Test
    void runJsonsScenarioLoadsAsAScenarioFileEqualToTheOriginal() throws Exception {
        RunInfo info = new RunInfo(SCENARIO, "docker", "27.3.1", 2, 8L << 30, "sha256:abc",
                Instant.parse("2025-01-02T03:04:05Z"), "0.1.0");
        String json = ResultsJson.write(info);
        JsonNode root = ResultsJson.mapper().readTree(json);
        assertEquals(2, root.path("schema_version").asInt());
        JsonNode scenario = root.path("scenario");
        assertEquals("first", scenario.path("workload").path("targets").asText());
        assertEquals(2000, scenario.path("workload").path("rate").asInt());
        assertEquals(512L << 20, scenario.path("node").path("memory").asLong());

        Scenario loaded = ScenarioLoader.parse(new StringReader(ResultsJson.mapper().writeValueAsString(scenario)),
                "run.json", "x", w -> { });
        assertEquals(SCENARIO, loaded);

        Path file = tmp.resolve("run.json");
        Files.writeString(file, json);
        assertEquals(info, ResultsJson.read(file, RunInfo.class, SchemaV1::upgradeRun));
    }

    @Test
    void aSchema1DirectoryIsReadByFieldMapping() {
        RunResults v1 = ResultsReader.read(FIXTURES.resolve("v1-run"));
        Scenario s = v1.runInfo().scenario();
        assertEquals("v1-fixture", s.name());
        assertEquals(Workload.Targets.ALL, s.workload().targets());
        assertNull(s.workload().ratePerSecond());
        assertEquals(Long.valueOf(512L << 20), s.node().memoryBytes());
        assertEquals(List.of(new FaultSpec(Duration.ofSeconds(5), "pause", "0")), s.faults());

        assertEquals(3, v1.cells().size());
        CellResult first = v1.cells().get(0);
        assertEquals(2_000_000, first.load().all().p50Nanos());
        assertEquals(2_235_000, first.load().all().meanNanos(), 0.5, "2234567.8 ns, rounded to whole µs");
        assertEquals(172.0, first.peakCpuPercent());
        assertNull(first.nodePeakCpuPercent(), "schema 1 did not record the busiest node");
        assertEquals(5000, first.faults().get(0).offsetMillis());
        assertEquals(2000, first.audit().settleMillis());
        assertEquals(1500, first.agents().get(0).p99SendSlipMicros());
        assertEquals(1.0, first.load().nodes().get(0).outages().get(0).seconds());
        CellResult third = v1.cells().get(2);
        assertEquals(80.25, third.convergence().p99Millis(), 1e-9);
        assertEquals(1735787085000L, third.startedEpochMillis());
        assertEquals("skipped", v1.cells().get(1).status());
    }

    @Test
    void schema1SummaryRowsAreMappedToSchema2Columns() {
        Map<String, String> v2 = SummaryCsv.asCurrent(Map.of("data_size", "1024", "success_rate", "97.000",
                "avg_latency_ns", "2234568", "p99_ns", "30000000", "peak_memory_mb", "300.0",
                "convergence_p99_ms", "80.250", "status", "ok"));
        assertEquals("1024", v2.get("payload_bytes"));
        assertEquals("97.000", v2.get("success_percent"));
        assertEquals("2235", v2.get("mean_latency_us"));
        assertEquals("30000", v2.get("p99_latency_us"));
        assertEquals(Long.toString(300L << 20), v2.get("cluster_peak_memory_bytes"));
        assertEquals("80250", v2.get("convergence_p99_us"));
        assertEquals("2", v2.get("schema_version"), "the mapped row is schema 2");
        Map<String, String> current = Map.of("schema_version", "2", "success_percent", "99.0");
        assertEquals(current, SummaryCsv.asCurrent(current));
    }

    @Test
    void summaryCsvGivesTheBusiestNodeAndTheClusterSumSeparately() throws Exception {
        Path file = tmp.resolve("summary.csv");
        SummaryCsv.write(file, List.of(fullCell()));
        List<String> lines = Files.readAllLines(file);
        assertEquals(Files.readString(FIXTURES.resolve("golden-summary-header.csv")).strip(), lines.get(0));
        List<String> header = List.of(lines.get(0).split(","));
        List<String> row = List.of(lines.get(1).split(",", -1));
        assertEquals("81.0", row.get(header.indexOf("node_peak_cpu_percent")));
        assertEquals("172.0", row.get(header.indexOf("cluster_peak_cpu_percent")));
        assertEquals(Long.toString(310L << 20), row.get(header.indexOf("node_peak_memory_bytes")));
        assertEquals(Long.toString(900L << 20), row.get(header.indexOf("cluster_peak_memory_bytes")));
        assertEquals("43556", row.get(header.indexOf("mean_latency_us")));
        assertEquals("80250", row.get(header.indexOf("convergence_p99_us")));
        assertEquals("2", row.get(header.indexOf("schema_version")));
        assertEquals("2", row.get(header.indexOf("trials")));
        assertEquals("2000.00", row.get(header.indexOf("rps_ci_low")));
        assertEquals("2100.00", row.get(header.indexOf("rps_ci_high")));
        assertEquals("4000", row.get(header.indexOf("p99_ci_low_us")));
        assertEquals("4200", row.get(header.indexOf("p99_ci_high_us")));
        assertEquals("precision reached; max duration reached", row.get(header.indexOf("stop_reason")));
        assertEquals("70000", row.get(header.indexOf("measured_ms")));
        assertEquals("90000", row.get(header.indexOf("warmup_ms")));
        assertEquals("true", row.get(header.indexOf("warmup_hit_max")));
        assertEquals("50.00", row.get(header.indexOf("ci_level_percent")), "2 trials hold the median between them half the time");
    }
}
