package io.repram.orchestrate.analysis;

import io.repram.orchestrate.cli.ConsolidateCommand;
import io.repram.orchestrate.cli.ReportCommand;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportAndConsolidateCommandTest {

    @TempDir
    Path tmp;

    Path run(LocalDateTime at, List<Fixtures.Spec> specs) {
        return Fixtures.writeRun(tmp.resolve("test-results"), at,
                Fixtures.runInfo(CompareCommandTest.SCENARIO, 2, "sha256:a", "docker"), specs, false).dir().path();
    }

    @Test
    void reportReRendersFromSavedDataOnly() throws IOException {
        Path dir = run(LocalDateTime.of(2025, 1, 2, 3, 4, 5), List.of(new Fixtures.Spec(1, 10, 1024, 1000, 100, 2, 5),
                new Fixtures.Spec(3, 10, 1024, 2000, 100, 2, 5)));
        Files.delete(dir.resolve("report.md"));
        Files.delete(dir.resolve("report.html"));
        Files.delete(dir.resolve("charts/success_rate.png"));
        CommandRun r = CommandRun.of(new ReportCommand(), dir.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("from 2 cells"), r.out());
        String md = Files.readString(dir.resolve("report.md"));
        assertTrue(md.contains("![Success rate per cell](charts/success_rate.png)"), md);
        for (String link : ReportRenderingTest.links(md)) {
            assertTrue(Files.isRegularFile(dir.resolve(link)), link);
        }
        assertTrue(Files.readString(dir.resolve("report.html")).contains("data:image/png;base64,"));

        Path custom = Files.writeString(tmp.resolve("custom.md"), "# {{scenario}}\n{{charts}}");
        assertEquals(0, CommandRun.of(new ReportCommand(), dir.toString(), "--template", custom.toString()).exitCode());
        assertTrue(Files.readString(dir.resolve("report.md")).startsWith("# fixture\n\n## Charts"));

        Path typo = Files.writeString(tmp.resolve("typo.md"), "# {{scenari}}");
        CommandRun bad = CommandRun.of(new ReportCommand(), dir.toString(), "--template", typo.toString());
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("[scenari]"), bad.err());
        assertEquals(2, CommandRun.of(new ReportCommand(), tmp.toString()).exitCode());
    }

    @Test
    void consolidateCollectsEveryRunAndRanksHealthyConfigurations() throws IOException {
        run(LocalDateTime.of(2025, 1, 2, 3, 4, 5), List.of(new Fixtures.Spec(1, 10, 1024, 1000, 100, 2, 5),
                new Fixtures.Spec(3, 10, 1024, 2000, 99.5, 2, 5)));
        run(LocalDateTime.of(2025, 1, 3, 3, 4, 5), List.of(new Fixtures.Spec(1, 10, 1024, 1500, 100, 2, 5),
                new Fixtures.Spec(3, 10, 1024, 9000, 90, 2, 5)));
        Path results = tmp.resolve("test-results");
        CommandRun r = CommandRun.of(new ConsolidateCommand(), results.toString(), "--top", "2");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("4 cells from 2 runs"), r.out());
        List<String> ranked = r.out().lines().filter(l -> l.matches("\\s+\\d+\\. .*")).toList();
        assertEquals(2, ranked.size(), r.out());
        assertTrue(ranked.get(0).contains("2,000.0 req/s") && ranked.get(0).contains("scale_test_20250102_030405"), r.out());
        assertTrue(ranked.get(1).contains("1,500.0 req/s"), r.out());
        assertFalse(r.out().contains("9,000.0"), "a 90% success cell is not ranked");

        try (Reader in = Files.newBufferedReader(results.resolve("consolidated.csv"));
             CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            assertEquals(List.of("run_dir", "timestamp", "scenario", "cluster_size"), csv.getHeaderNames().subList(0, 4));
            List<CSVRecord> rows = csv.getRecords();
            assertEquals(4, rows.size());
            assertEquals("scale_test_20250103_030405", rows.get(3).get("run_dir"));
            assertEquals("2025-01-02T03:04:05Z", rows.get(3).get("timestamp"));
            assertEquals("9000.00", rows.get(3).get("requests_per_sec"));
        }
        assertEquals(2, CommandRun.of(new ConsolidateCommand(), tmp.resolve("none").toString()).exitCode());
    }
}
