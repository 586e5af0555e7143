package io.repram.orchestrate.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecommendationsTest {

    /** The bug issue 16 names: on a loaded host a high p99 was put down to a saturated cluster. */
    @Test
    void aHighP99OnABusyHostIsPutDownToTheHostNotSaturatedCluster() {
        io.repram.orchestrate.results.CellResult busy = ResultFixtures.cell(1, 1, 25, 2000, 100, 20, 150)
                .withLimit(LimitSectionTest.verdict(io.repram.orchestrate.results.CellLimit.HOST_CPU, List.of()));
        String all = String.join("\n", Recommendations.of(new ReportAnalysis(List.of(
                ResultFixtures.cell(0, 1, 10, 1900, 100, 2, 20), busy)), 2));
        assertTrue(all.contains("10 workers reach 95% of the peak"), all);
        assertTrue(all.contains("has a p99 of 150.00 ms, above 100 ms; limited by host CPU (see \"What limited each cell\")"), all);
        assertFalse(all.contains("saturated"), all);
    }

    @Test
    void withoutAVerdictAHighP99IsGivenNoCause() {
        String all = String.join("\n", Recommendations.of(new ReportAnalysis(List.of(
                ResultFixtures.cell(0, 1, 10, 1900, 100, 2, 20),
                ResultFixtures.cell(1, 1, 25, 2000, 100, 20, 150))), 2));
        assertTrue(all.contains("has a p99 of 150.00 ms, above 100 ms."), all);
        assertFalse(all.contains("saturated") || all.contains("limited by"), all);
    }

    @Test
    void withoutFaultsLostWritesAreCalledAFaultNotARule() {
        io.repram.orchestrate.results.CellResult c = ResultFixtures.cell(0, 3, 10, 1000, 100, 2, 5);
        io.repram.orchestrate.results.CellResult audited = new io.repram.orchestrate.results.CellResult(c.cell(),
                c.startedEpochMillis(), c.finishedEpochMillis(), c.load(), c.peakCpuPercent(), c.peakMemoryBytes(),
                c.status(), c.statusReason(), List.of(), null,
                new io.repram.orchestrate.results.AuditFigures(100, 100, List.of(0, 1, 2), 10, 2, 0, 0));
        String md = MarkdownReport.replication(List.of(audited));
        assertFalse(md.contains("must be 0)"), md);
        assertTrue(md.contains("no fault was injected; without faults, 2 lost write(s)"), md);
        assertTrue(md.contains("point at a replication fault"), md);
    }

    /** stress.yaml, 2026-12-02: a replica kept a key's 256 KB value from the previous cell under the 1 MB write. */
    @Test
    void eachCorruptReadIsListedWithItsLengthsAndWhatTheyPointAt() {
        io.repram.orchestrate.results.CellResult c = ResultFixtures.cell(0, 3, 50, 100, 100, 300, 5000);
        var stale = new io.repram.orchestrate.results.AuditFigures.Mismatch(1, "lg-0042", 1_048_576, 262_144, 0);
        var damaged = new io.repram.orchestrate.results.AuditFigures.Mismatch(2, "lg-0043", 1_048_576, 1_048_576, 4096);
        io.repram.orchestrate.results.CellResult audited = new io.repram.orchestrate.results.CellResult(c.cell(),
                c.startedEpochMillis(), c.finishedEpochMillis(), c.load(), c.peakCpuPercent(), c.peakMemoryBytes(),
                "degraded", "corrupt reads", List.of(), null,
                new io.repram.orchestrate.results.AuditFigures(1416, 1416, List.of(0, 1, 2), 3000, 0, 3, 0, List.of(),
                        2424, null, List.of(stale, damaged)));
        String md = MarkdownReport.replication(List.of(audited));
        String id = c.cell().id();
        assertTrue(md.contains("- " + id + ": node 1 served lg-0042 with 262,144 bytes where 1,048,576 were written "
                + "(equal up to byte 0): another length, as when a replica missed an overwrite and kept an older value"), md);
        assertTrue(md.contains("- " + id + ": node 2 served lg-0043 with the written length (1,048,576 bytes) but other "
                + "bytes from byte 4,096 on: damaged in the node or on the way"), md);
        assertTrue(md.contains("- " + id + ": 1 more corrupt read(s), not listed"), md);
    }

    @Test
    void theFaultCostNamesOnlyWhatWasMeasured() {
        io.repram.orchestrate.results.CellResult c = ResultFixtures.cell(0, 1, 10, 1000, 100, 2, 5);
        // One node, a fault, no audit and no convergence probe: nothing was counted but the requests.
        io.repram.orchestrate.results.CellResult faulted = new io.repram.orchestrate.results.CellResult(c.cell(),
                c.startedEpochMillis(), c.finishedEpochMillis(), c.load(), c.peakCpuPercent(), c.peakMemoryBytes(),
                "degraded", "faults: pause node 0", List.of(new io.repram.orchestrate.results.FaultEvent(1000, "pause", 0,
                        io.repram.orchestrate.results.FaultEvent.SCENARIO, true, null)), null, null, List.of());
        String md = MarkdownReport.replication(List.of(faulted));
        assertTrue(md.contains("**What a fault cost:** with faults, success rate down to 100.000%;"), md);
        assertFalse(md.contains("lost write"), "no audit ran, so no lost writes were counted: " + md);
        assertFalse(md.contains("convergence p99"), "one node has no convergence: " + md);
    }

    @Test
    void whenEveryCellWasSkippedTheHighlightsSaySoInsteadOfNoCellFinished() {
        io.repram.orchestrate.results.CellResult c = ResultFixtures.cell(0, 1, 10, 1000, 100, 2, 5);
        io.repram.orchestrate.results.CellResult skipped = new io.repram.orchestrate.results.CellResult(c.cell(),
                c.startedEpochMillis(), c.finishedEpochMillis(), c.load(), c.peakCpuPercent(), c.peakMemoryBytes(),
                "skipped", "skipped by the user");
        java.util.Map<String, String> v = MarkdownReport.values(ResultFixtures.RUN_INFO, List.of(skipped));
        assertTrue(v.get("peak_throughput").startsWith("no cell was measured in full"), v.get("peak_throughput"));
        assertTrue(v.get("scaling_table").startsWith("No cell was measured in full"), v.get("scaling_table"));
        assertTrue(v.get("recommendations").contains("Skipped: 1 node"), v.get("recommendations"));
        assertTrue(MarkdownReport.values(ResultFixtures.RUN_INFO, List.of()).get("peak_throughput")
                .equals("no cell finished"));
    }
}
