package io.repram.orchestrate.report;

import io.repram.orchestrate.results.CellLimit;
import io.repram.orchestrate.results.CellResult;
import io.repram.orchestrate.results.LimitEvidence;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** report.md's limit column, its sentence per cell and the per-size host-bound statement. */
class LimitSectionTest {

    static CellLimit verdict(String verdict, List<String> also) {
        LimitEvidence e = new LimitEvidence(10, 50.0, 2, 2, 30.0, 60.0, null, 200L, 900L, 0, null, null, null, null,
                null, null, null, null, 0, 0, 100.0, 0.0, 0.0, 1000, 5000, null, null, null);
        return new CellLimit(verdict, "Sentence for " + verdict + " with its figures.", also, e);
    }

    @Test
    void eachSizeSaysWhetherItWasHostBoundAndEachCellGetsItsSentence() {
        CellResult oneA = ResultFixtures.cell(0, 1, 10, 1000, 100, 2, 20).withLimit(verdict(CellLimit.BELOW_SATURATION, List.of()));
        CellResult oneB = ResultFixtures.cell(1, 1, 50, 1050, 100, 5, 40).withLimit(verdict(CellLimit.CLUSTER_WORK, List.of()));
        CellResult three = ResultFixtures.cell(2, 3, 10, 900, 100, 9, 90)
                .withLimit(verdict(CellLimit.LOAD_GENERATOR, List.of(CellLimit.HOST_CPU)));
        String md = LimitSection.render(List.of(oneA, oneB, three));
        assertTrue(md.contains("- 1 node: not host-bound; the machine's CPU stayed below its bound in every cell."), md);
        assertTrue(md.contains("- 3 nodes: **host-bound** in 1 of 1 cells"), md);
        assertTrue(md.contains("- " + oneA.cell().id() + ": Sentence for below_saturation with its figures.\n"), md);
        assertTrue(md.contains("- " + three.cell().id() + ": Sentence for load_generator with its figures. Also: host CPU."), md);

        String table = MarkdownReport.values(ResultFixtures.RUN_INFO, List.of(oneA, three)).get("results_table");
        assertTrue(table.contains("| Errors | Status | Limited by |"), table);
        assertTrue(table.contains("| ok | below saturation |"), table);
        assertTrue(table.contains("| ok | load generator |"), table);
        assertTrue(table.contains("### What limited each cell"), table);
    }

    @Test
    void resultsWithoutVerdictsGetNoSectionAndADashInTheColumn() {
        CellResult old = ResultFixtures.cell(0, 1, 10, 1000, 100, 2, 20);
        assertEquals("", LimitSection.render(List.of(old)));
        assertEquals("–", LimitSection.column(old));
        String table = MarkdownReport.values(ResultFixtures.RUN_INFO, List.of(old)).get("results_table");
        assertFalse(table.contains("What limited each cell"), table);
    }
}
