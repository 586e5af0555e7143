package io.repram.orchestrate.cli;

import io.repram.orchestrate.results.AuditFigures;
import io.repram.orchestrate.results.CellResult;
import io.repram.orchestrate.results.NodeFigures;
import io.repram.orchestrate.results.ResultsReader;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13 end to end with the process driver: the write audit sees loss that happened anywhere
 * in the cell, and a node that was dead for part of the window fails the availability gate.
 */
class AuditAndAvailabilityRunTest {

    @TempDir
    Path results;

    private Path runDir() throws Exception {
        try (Stream<Path> dirs = Files.list(results)) {
            return dirs.findFirst().orElseThrow();
        }
    }

    private CellResult onlyCell() throws Exception {
        List<CellResult> cells = ResultsReader.read(runDir()).cells();
        assertEquals(1, cells.size());
        return cells.get(0);
    }

    private CSVRecord summaryRow() throws Exception {
        try (Reader in = Files.newBufferedReader(runDir().resolve("summary.csv"))) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords().get(0);
        }
    }

    @Test
    void writesAcknowledgedWhileTheReplicasWereFrozenAndLostWithNodeZeroAreCounted() throws Exception {
        int code = Main.commandLine().execute("run", Path.of(getClass().getResource("/run/lost-writes-faults.yaml")
                .toURI()).toString(), "--driver", "process", "--ci", "--results-dir", results.toString());
        CellResult r = onlyCell();
        AuditFigures a = r.audit();
        assertTrue(a.lostWrites() > 0, "the writes only node 0 had are lost with it: " + a);
        assertEquals(ExitCodes.THRESHOLD_BREACHED, code, "the lost_writes <= 0 gate fails the run");
        // Before the fix every node was left out (each was touched by a fault) and the audit read nothing.
        assertTrue(a.checkedKeys() > 0 && a.checkedNodes().equals(List.of(1, 2)), a.toString());
        assertTrue(a.lostWrites() <= a.checkedKeys(), a.toString());
        // Node 0 was killed: it serves nothing and is reported with its fault, not left out.
        AuditFigures.NodeReplicas zero = a.missingReplicas().get(0);
        assertEquals("unreachable", zero.method(), a.toString());
        assertEquals(a.checkedKeys(), zero.missing());
        assertTrue(zero.faults().stream().anyMatch(f -> f.startsWith("kill node 0")), zero.toString());
        AuditFigures.NodeReplicas one = a.missingReplicas().get(1);
        assertEquals("listing", one.method());
        assertTrue(one.missing() >= a.lostWrites(), one.toString());
        assertTrue(one.faults().stream().anyMatch(f -> f.startsWith("pause node 1")), one.toString());
        assertEquals(Long.toString(a.lostWrites()), summaryRow().get("lost_writes"));
        assertEquals(Long.toString(a.missingReplicasTotal()), summaryRow().get("missing_replicas"));
        String report = Files.readString(runDir().resolve("report.md"));
        assertTrue(report.contains("missing replicas node 0"), report);
    }

    @Test
    void theSameCellWithoutFaultsLosesNothing() throws Exception {
        int code = Main.commandLine().execute("run", Path.of(getClass().getResource("/run/lost-writes-clean.yaml")
                .toURI()).toString(), "--driver", "process", "--ci", "--results-dir", results.toString());
        AuditFigures a = onlyCell().audit();
        assertTrue(a.checkedKeys() > 0, a.toString());
        assertEquals(0, a.lostWrites(), a.toString());
        assertEquals(0, a.corruptReads(), a.toString());
        assertEquals(List.of(0, 1, 2), a.checkedNodes());
        assertEquals(ExitCodes.OK, code);
    }

    @Test
    void twoDeadNodesFailTheAvailabilityGateAndTheReportNamesThem() throws Exception {
        int code = Main.commandLine().execute("run", Path.of(getClass().getResource("/run/dead-nodes.yaml")
                .toURI()).toString(), "--driver", "process", "--ci", "--results-dir", results.toString());
        assertEquals(ExitCodes.THRESHOLD_BREACHED, code);
        CellResult r = onlyCell();
        List<NodeFigures> nodes = r.load().nodes();
        assertEquals(3, nodes.size());
        NodeFigures live = nodes.get(0);
        // Node 0 was never touched. What is true on any machine: it refused nothing and never lost a
        // connection (a 404 is an answer: a key whose only replicas were on the killed nodes), and it
        // was away only while a PUT waited out the scenario's 1 s REPRAM_WRITE_TIMEOUT for an ACK a
        // killed or restarting peer never sent: no outage longer than two 1 s intervals.
        assertTrue(live.errorsByClass().keySet().stream().allMatch("status_404"::equals), live.toString());
        for (NodeFigures.Outage o : live.outages()) {
            assertTrue(o.seconds() <= 2, "node 0 away longer than its write timeout: " + live);
        }
        for (NodeFigures dead : nodes.subList(1, 3)) {
            assertTrue(live.availabilityPercent() > dead.availabilityPercent(), live + " vs " + dead);
            assertTrue(dead.outages().stream().anyMatch(o -> o.startSeconds() <= 3 && o.startSeconds() + o.seconds() >= 7),
                    "node " + dead.node() + " away from the kill at 2 s until its start at 8 s: " + dead);
            // Killed at 2 s and started at 8 s (plus its start-up) of a 16 s window: away for at least 5 s.
            assertTrue(dead.unavailableSeconds() >= 5, dead.toString());
            assertTrue(dead.availabilityPercent() <= 70, dead.toString());
            assertTrue(dead.errorsByClass().getOrDefault("connect", 0L) > 0, dead.toString());
            assertEquals(dead.attempts(), dead.successes() + dead.failures());
        }
        CSVRecord row = summaryRow();
        NodeFigures worst = r.load().worstNode().orElseThrow();
        assertEquals(Integer.toString(worst.node()), row.get("worst_node"));
        assertTrue(Double.parseDouble(row.get("worst_node_availability_percent")) <= 70, row.toString());
        String report = Files.readString(runDir().resolve("report.md"));
        assertTrue(report.contains("## Node availability"), report);
        assertTrue(report.matches("(?s).*node 1 answered nothing for \\d+\\.\\d s.*"), report);
        assertTrue(report.matches("(?s).*node 2 answered nothing for \\d+\\.\\d s.*"), report);
        String cellJson = Files.readString(runDir().resolve(r.cell().id() + ".json"));
        assertTrue(cellJson.contains("\"worst_node_availability_percent\"") && cellJson.contains("\"availability_percent\""),
                cellJson);
    }
}
