package io.repram.orchestrate.run;

import io.repram.orchestrate.results.CellLimit;
import io.repram.orchestrate.results.CellResult;
import io.repram.orchestrate.results.LatencySummary;
import io.repram.orchestrate.results.LoadFigures;
import io.repram.orchestrate.scenario.Cell;
import io.repram.orchestrate.scenario.Cooldown;
import io.repram.orchestrate.scenario.Matrix;
import io.repram.orchestrate.scenario.NodeSettings;
import io.repram.orchestrate.scenario.Scenario;
import io.repram.orchestrate.scenario.Workload;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SummaryTableTest {

    /** Two gates that the second cell breaches, with long descriptions: the old table ran to ~110 columns. */
    static final Scenario SCENARIO = new Scenario("table", "repram-node:latest",
            new Matrix(List.of(10), List.of(1000, 5000), List.of(1048576)), Duration.ofSeconds(10), Duration.ZERO,
            new Cooldown(Duration.ZERO, Duration.ZERO), new Workload(70, 300, 1000, null, Workload.Targets.ALL),
            new NodeSettings(Map.of(), null, null), Map.of("success_rate", ">= 99.9", "p99_ms", "<= 40"), List.of());

    static CellResult cell(int index, int conc, long successes, long p99Ms) {
        LatencySummary all = new LatencySummary(100_000, 2e6, 1, 2_000_000, 3_000_000, p99Ms * 1_000_000,
                p99Ms * 2_000_000, p99Ms * 3_000_000);
        LoadFigures load = new LoadFigures(100_000, successes, 100_000 - successes, 70_000, 30_000, 10.0, all, all, all,
                Map.of());
        return new CellResult(new Cell(index, 10, conc, 1048576), 0, 10_000, load, 100, 1L << 30,
                successes == 100_000 ? "ok" : "degraded", successes == 100_000 ? null : "node 3 stopped answering");
    }

    static final List<CellResult> RESULTS = List.of(cell(0, 1000, 100_000, 12), cell(1, 5000, 91_234, 1234));

    @Test
    void atEightyColumnsEveryLineFitsAndTheVerdictStays() {
        List<String> lines = SummaryTable.lines(RESULTS, SCENARIO, 80);
        lines.forEach(l -> assertTrue(l.length() <= 80, l.length() + ": " + l));
        String header = lines.get(1);
        assertTrue(header.startsWith("cell") && header.contains("verdict") && header.contains("req/s"), header);
        assertTrue(lines.get(3).endsWith("BREACH 2"), lines.get(3));
        assertTrue(String.join("\n", lines).contains("success_rate = 91.23"), lines.toString());
    }

    @Test
    void at160ColumnsEveryColumnIsShown() {
        List<String> lines = SummaryTable.lines(RESULTS, SCENARIO, 160);
        lines.forEach(l -> assertTrue(l.length() <= 160, l));
        String header = lines.get(1);
        for (String column : List.of("cell", "req/s", "success", "p50 ms", "p99 ms", "errors", "limited by", "verdict")) {
            assertTrue(header.contains(column), column + " in " + header);
        }
        assertTrue(lines.get(2).startsWith("10nodes_1000conc_1048576bytes") && lines.get(2).endsWith("  ok"), lines.get(2));
    }

    @Test
    void eachRowSaysWhatLimitedItsCell() {
        CellResult hostBound = cell(0, 1000, 100_000, 12).withLimit(new CellLimit(CellLimit.HOST_CPU,
                "Host CPU: the machine's CPU was 97% busy", List.of(), null));
        List<String> lines = SummaryTable.lines(List.of(hostBound, cell(1, 5000, 91_234, 1234)), SCENARIO, 160);
        assertTrue(lines.get(1).contains("limited by"), lines.get(1));
        assertTrue(lines.get(2).contains("  host CPU  ") && lines.get(2).endsWith("ok"), lines.get(2));
        assertTrue(lines.get(3).contains("  -  "), "a cell without a verdict shows -: " + lines.get(3));
    }

    @Test
    void aNarrowTerminalDropsTheLeastTellingColumnsFirst() {
        String header = SummaryTable.lines(RESULTS, SCENARIO, 60).get(1);
        assertFalse(header.contains("p50 ms"), header);
        assertTrue(header.contains("verdict"), header);
        assertEquals(List.of("a b", "  c"), SummaryTable.wrap("a b c", 3));
    }

    @Test
    void aSkippedCellIsNotJudged() {
        CellResult slow = cell(1, 5000, 91_234, 1234);
        CellResult skipped = new CellResult(slow.cell(), 0, 10_000, slow.load(), 100, 1L << 30, "skipped",
                "skipped by the user");
        List<String> lines = SummaryTable.lines(List.of(skipped), SCENARIO, 80);
        assertTrue(lines.get(2).endsWith("skipped"), lines.get(2));
        String all = String.join("\n", lines);
        assertFalse(all.contains("BREACH") || all.contains("breached"), all);
        assertTrue(all.contains("skipped: skipped by the user"), all);
    }
}
