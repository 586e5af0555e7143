package io.repram.orchestrate.report;

import io.repram.orchestrate.results.AtomicFiles;
import io.repram.orchestrate.results.ContainerStatsCsv;
import io.repram.orchestrate.results.ResultsDir;
import io.repram.orchestrate.results.ResultsException;
import io.repram.orchestrate.results.ResultsReader;
import io.repram.orchestrate.results.RunResults;
import io.repram.orchestrate.engine.NodeStatsSample;
import io.repram.orchestrate.results.CellResult;
import io.repram.orchestrate.results.Breach;
import io.repram.orchestrate.scenario.RunPlan;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResultsWriterTest {

    @TempDir
    Path tmp;

    ResultsWriter writeAll() {
        ResultsDir dir = ResultsDir.create(tmp.resolve("test-results"), LocalDateTime.of(2025, 1, 2, 3, 4, 5));
        ResultsWriter writer = ResultsWriter.start(dir, ResultFixtures.RUN_INFO);
        for (CellResult r : ResultFixtures.results()) {
            writer.writeCell(r);
        }
        return writer;
    }

    static List<CSVRecord> csv(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            assertEquals(parser.getHeaderNames(), parser.getHeaderNames());
            return parser.getRecords();
        }
    }

    @Test
    void directoryIsNamedAfterTheStartTimeAndNeverReused() {
        Path parent = tmp.resolve("test-results");
        LocalDateTime t = LocalDateTime.of(2025, 1, 2, 3, 4, 5);
        assertEquals(parent.resolve("scale_test_20250102_030405"), ResultsDir.create(parent, t).path());
        assertEquals(parent.resolve("scale_test_20250102_030405_2"), ResultsDir.create(parent, t).path());
        ResultsException e = assertThrows(ResultsException.class, () -> ResultsDir.open(parent.resolve("nope")));
        assertTrue(e.getMessage().contains("is not a results directory"), e.getMessage());
    }

    @Test
    void summaryCsvHasTheSchema2ColumnsAndOneRowPerCell() throws IOException {
        ResultsWriter writer = writeAll();
        List<String> lines = Files.readAllLines(writer.dir().summaryCsv());
        assertEquals(Files.readString(Path.of("src/test/resources/results/golden-summary-header.csv")).strip(),
                lines.get(0));
        List<CSVRecord> rows = csv(writer.dir().summaryCsv());
        assertEquals(6, rows.size());
        CSVRecord last = rows.get(5);
        assertEquals("5", last.get("cluster_size"));
        assertEquals("50", last.get("concurrency"));
        assertEquals("1024", last.get("payload_bytes"));
        assertEquals("3700.00", last.get("requests_per_sec"));
        assertEquals("97.000", last.get("success_percent"));
        assertEquals("9900", last.get("mean_latency_us"));
        assertEquals("35000", last.get("p99_latency_us"));
        assertEquals("1110", last.get("error_count"));
        assertEquals("2590.00", last.get("puts_per_sec"));
        assertEquals("155.5", last.get("cluster_peak_cpu_percent"));
        assertEquals("", last.get("node_peak_cpu_percent"), "the fixture has no per-node peak");
        assertEquals(Long.toString(305L << 20), last.get("cluster_peak_memory_bytes"));
        assertEquals("degraded", last.get("status"));
        assertEquals("2", last.get("schema_version"));
    }

    @Test
    void cellJsonAndRunJsonRoundTripThroughTheReader() throws IOException {
        ResultsWriter writer = writeAll();
        Path cellFile = writer.dir().path().resolve("5nodes_50conc_1024bytes.json");
        String json = Files.readString(cellFile);
        assertTrue(json.startsWith("{\n  \"schema_version\" : 2,"), json);
        assertTrue(json.contains("\"p999_us\" : 52500"), json);
        assertTrue(json.contains("\"status_503\" : 1110"), json);
        assertTrue(json.contains("\"metric\" : \"success_rate\""), json);

        RunResults read = ResultsReader.read(writer.dir().path());
        assertEquals(ResultFixtures.RUN_INFO, read.runInfo());
        assertEquals(ResultFixtures.results(), read.cells());
        assertEquals(6, read.finishedCellIds().size());
        assertTrue(RunPlan.of(read.runInfo().scenario()).withoutFinished(read.finishedCellIds()).isEmpty());
    }

    @Test
    void resumeKeepsFinishedCellsInEveryRewrittenFile() throws IOException {
        ResultsDir dir = ResultsDir.create(tmp, LocalDateTime.of(2025, 1, 2, 3, 4, 5));
        ResultsWriter first = ResultsWriter.start(dir, ResultFixtures.RUN_INFO);
        List<CellResult> all = ResultFixtures.results();
        first.writeCell(all.get(0));
        first.writeCell(all.get(1));

        RunResults previous = ResultsReader.read(dir.path());
        RunPlan rest = RunPlan.of(previous.runInfo().scenario()).withoutFinished(previous.finishedCellIds());
        assertEquals(4, rest.totalCells());
        assertEquals(all.get(2).cell(), rest.cells().get(0));

        ResultsWriter resumed = ResultsWriter.resume(previous);
        resumed.writeCell(all.get(3));
        List<CSVRecord> rows = csv(dir.summaryCsv());
        assertEquals(List.of("1", "1", "3"), rows.stream().map(r -> r.get("cluster_size")).toList());
        assertEquals(3, ResultsReader.read(dir.path()).cells().size());
    }

    @Test
    void writeCellReturnsBreachesAndFlagsTheRun() {
        ResultsDir dir = ResultsDir.create(tmp, LocalDateTime.of(2025, 1, 2, 3, 4, 5));
        ResultsWriter writer = ResultsWriter.start(dir, ResultFixtures.RUN_INFO);
        assertEquals(List.of(), writer.writeCell(ResultFixtures.results().get(0)));
        assertFalse(writer.anyBreach());
        List<Breach> breaches = writer.writeCell(ResultFixtures.results().get(5));
        assertEquals(List.of(new Breach("success_rate", 97.0, ">= 99")), breaches);
        assertTrue(writer.anyBreach());
    }

    @Test
    void containerStatsAreAppendedUnderOneHeader() throws IOException {
        ResultsWriter writer = writeAll();
        writer.appendStats("1nodes_10conc_1024bytes", List.of(
                new NodeStatsSample(1_735_787_045_000L, 0, "node-0", 55.25, 100 << 20, 512 << 20, 1, 2, 3, 4)));
        writer.appendStats("3nodes_10conc_1024bytes", List.of(
                new NodeStatsSample(1_735_787_046_000L, 0, "node-0", 10, 1, 2, 3, 4, 5, 6),
                new NodeStatsSample(1_735_787_046_000L, 1, "node-1", 20, 1, 2, 3, 4, 5, 6)));
        writer.appendStats("empty", List.of());
        List<String> lines = Files.readAllLines(writer.dir().containerStatsCsv());
        assertEquals(String.join(",", ContainerStatsCsv.HEADER), lines.get(0));
        assertEquals(4, lines.size());
        assertEquals("2025-01-02T03:04:05Z,1nodes_10conc_1024bytes,0,node-0,55.25,104857600,536870912,1,2,3,4",
                lines.get(1));
        assertTrue(lines.get(3).startsWith("2025-01-02T03:04:06Z,3nodes_10conc_1024bytes,1,node-1,20.00,"));
    }

    @Test
    void countersADriverCannotReadAreEmptyNotZero() throws IOException {
        ResultsWriter writer = writeAll();
        long u = NodeStatsSample.UNKNOWN;
        // A process-driver node: no network counters of its own; block I/O from /proc.
        writer.appendStats("3nodes_10conc_1024bytes", List.of(
                new NodeStatsSample(1_735_787_045_000L, 0, "node-0", 55.25, 100 << 20, 512 << 20, u, u, 3, 4)));
        List<String> lines = Files.readAllLines(writer.dir().containerStatsCsv());
        assertEquals("2025-01-02T03:04:05Z,3nodes_10conc_1024bytes,0,node-0,55.25,104857600,536870912,,,3,4",
                lines.get(1));
    }

    @Test
    void clusterMetricsAreWrittenPerSize() throws IOException {
        ResultsWriter writer = writeAll();
        writer.writeClusterMetrics(3, "# node-0 /v1/metrics\nrepram_puts_total 5\n");
        assertEquals("# node-0 /v1/metrics\nrepram_puts_total 5\n",
                Files.readString(writer.dir().path().resolve("cluster_3_metrics.txt")));
    }

    @Test
    void noTempFilesAreLeftBehind() throws IOException {
        ResultsWriter writer = writeAll();
        try (Stream<Path> files = Files.list(writer.dir().path())) {
            Set<String> names = Set.copyOf(files.map(p -> p.getFileName().toString()).toList());
            assertTrue(names.stream().noneMatch(n -> n.endsWith(AtomicFiles.TEMP_SUFFIX)), names.toString());
            assertTrue(names.containsAll(Set.of("run.json", "summary.csv", "report.md", "report.xml",
                    "1nodes_10conc_1024bytes.json", "5nodes_50conc_1024bytes.json")), names.toString());
        }
    }

    @Test
    void reportMdPointsAtReportHtmlAndReportHtmlDoesNotPointAtItself() throws IOException {
        ResultsWriter writer = writeAll();
        writer.writeReports();
        String md = Files.readString(writer.dir().reportMd());
        String html = Files.readString(writer.dir().reportHtml());
        assertTrue(md.contains("## Charts") && md.contains("`report.html`"), "report.md names report.html: " + md);
        assertTrue(html.contains("Charts") && html.contains("data:image/png"), "report.html has the charts inline");
        assertFalse(html.contains("report.html"), "report.html describes itself: " + html);
    }
}
