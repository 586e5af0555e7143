package io.repram.orchestrate.analysis;

import io.repram.orchestrate.report.ResultsWriter;
import io.repram.orchestrate.results.CellResult;
import io.repram.orchestrate.results.ResultsDir;
import io.repram.orchestrate.results.ResultsReader;
import io.repram.orchestrate.results.RunResults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run whose fastest cell was skipped by the user part-way (100% success over the part it ran):
 * it must be listed, and marked, but never ranked.
 */
class SkippedCellsTest {

    @TempDir
    Path tmp;

    static final String SKIPPED_ID = "3nodes_50conc_1024bytes";

    Path writeRun() {
        ResultsWriter writer = ResultsWriter.start(ResultsDir.create(tmp, LocalDateTime.of(2025, 1, 2, 3, 4, 5)),
                Fixtures.runInfo(Fixtures.scenario(new io.repram.orchestrate.scenario.Matrix(List.of(1, 3),
                        List.of(10, 50), List.of(1024)), Fixtures.workload()), 2, "sha256:x", "docker"));
        writer.writeCell(Fixtures.cell(0, new Fixtures.Spec(1, 10, 1024, 1000, 100, 2, 5)));
        writer.writeCell(Fixtures.cell(1, new Fixtures.Spec(1, 50, 1024, 1100, 100, 2, 6)));
        writer.writeCell(Fixtures.cell(2, new Fixtures.Spec(3, 10, 1024, 2000, 100, 2, 5)));
        CellResult fast = Fixtures.cell(3, new Fixtures.Spec(3, 50, 1024, 9000, 100, 2, 5));
        writer.writeCell(new CellResult(fast.cell(), fast.startedEpochMillis(), fast.finishedEpochMillis(), fast.load(),
                fast.peakCpuPercent(), fast.peakMemoryBytes(), "skipped", "skipped by the user"));
        writer.writeReports();
        return writer.dir().path();
    }

    @Test
    void aSkippedCellIsListedAndMarkedButNeverRanked() throws Exception {
        Path dir = writeRun();
        RunResults run = ResultsReader.read(dir);

        List<Consolidation.Row> rows = Consolidation.read(tmp);
        assertEquals(4, rows.size(), "consolidated.csv lists every cell");
        List<Consolidation.Row> top = Consolidation.top(rows, 10);
        assertEquals(3, top.size());
        assertTrue(top.stream().noneMatch(r -> r.values().get("status").equals("skipped")), top.toString());
        assertEquals(2000.0, top.get(0).requestsPerSec());

        CommandRun cli = CommandRun.of(new io.repram.orchestrate.cli.ConsolidateCommand(), tmp.toString());
        assertEquals(0, cli.exitCode(), cli.err());
        assertTrue(cli.out().contains("1 skipped cell(s) left out"), cli.out());
        assertFalse(cli.out().contains("9,000.0"), cli.out());

        Baseline baseline = Baseline.of(run, null, null);
        assertTrue(baseline.top().stream().noneMatch(r -> r.cell().id().equals(SKIPPED_ID)));
        assertEquals(2000.0, baseline.top().get(0).load().requestsPerSec());
        assertEquals(List.of(SKIPPED_ID), baseline.skipped().stream().map(r -> r.cell().id()).toList());
        assertTrue(BaselineReport.render(baseline, null, java.time.LocalDate.of(2025, 1, 3)).contains("Left out (skipped"));

        assertEquals(List.of(new CapacityPlan.Point(1, 1100.0), new CapacityPlan.Point(3, 2000.0)),
                CapacityPlan.curve(run.cells(), Baseline.MIN_SUCCESS_PERCENT));

        String md = Files.readString(dir.resolve("report.md"));
        assertTrue(md.contains("| Peak throughput | 2,000.0 req/s — 3 nodes × 10 workers × 1024 B |"), md);
        assertFalse(md.contains("9,000.0 req/s —"), md);
        assertTrue(md.contains("| skipped (partial, not ranked) |"), md);
        assertTrue(md.contains("Skipped: 3 nodes × 50 workers × 1024 B — skipped by the user"), md);
        assertTrue(md.contains("| 3 | 2,000.0 | 10 workers, 1024 B |"), "scaling ranks the measured cells: " + md);
    }
}
