package io.repram.orchestrate.run;

import io.repram.orchestrate.engine.process.ProcessEngine;
import io.repram.orchestrate.results.ResultsReader;
import io.repram.orchestrate.results.AuditFigures;
import io.repram.orchestrate.results.CellResult;
import io.repram.orchestrate.results.ConvergenceFigures;
import io.repram.orchestrate.results.FaultEvent;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The runner against real node processes: one 3-node cell of 3 s per test, with and without faults. */
class RunnerFaultsTest {

    private static ProcessEngine engine;
    @TempDir
    Path tmp;
    private final List<String> events = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void engine() {
        engine = OneCellRun.engine();
    }

    @AfterAll
    static void close() {
        if (engine != null) engine.close();
    }

    @Test
    void withoutFaultsNoAcknowledgedWriteIsLostAndProbesConverge() throws Exception {
        CellResult r = runOne("no-faults");
        assertEquals("ok", r.status(), r.statusReason());
        assertTrue(r.faults().isEmpty());
        AuditFigures audit = r.audit();
        assertNotNull(audit);
        assertTrue(audit.checkedKeys() > 0, "no acknowledged key was audited: " + audit);
        assertEquals(List.of(0, 1, 2), audit.checkedNodes());
        assertEquals(audit.checkedKeys() * 3, audit.reads());
        assertEquals(0, audit.lostWrites(), audit.toString());
        assertEquals(0, audit.corruptReads(), audit.toString());
        ConvergenceFigures c = r.convergence();
        assertNotNull(c);
        assertTrue(c.probes() >= 3, "about two probes a second over 3 s: " + c);
        assertEquals(0, c.timeouts(), c.toString());
        assertTrue(c.p50Millis() > 0 && c.p50Millis() <= c.p99Millis() && c.p99Millis() <= c.maxMillis(), c.toString());
        assertTrue(c.maxMillis() < c.timeoutMillis(), c.toString());
    }

    @Test
    void aKillMidCellIsRecordedRepairedAndTheRunFinishes() throws Exception {
        Path results = tmp.resolve("results");
        CellResult r = runOne("kill-fault", results);
        assertEquals("degraded", r.status());
        assertTrue(r.statusReason().contains("kill node 1"), r.statusReason());
        FaultEvent kill = r.faults().get(0);
        assertEquals(new FaultEvent(kill.offsetMillis(), "kill", 1, FaultEvent.SCENARIO, true, null), kill);
        assertTrue(kill.offsetMillis() >= 1000 && kill.offsetMillis() < 3000, "applied at 1 s: " + kill);
        assertTrue(r.faults().stream().anyMatch(f -> f.origin().equals(FaultEvent.RESTORE) && f.action().equals("start")
                && f.nodeIndex() == 1 && f.ok()), "the killed node is started again: " + r.faults());
        // The killed node is audited like the others: it answers nothing, so it misses every key, next to its fault.
        assertFalse(r.audit().checkedNodes().contains(1), "the killed node did not answer the audit");
        AuditFigures.NodeReplicas killed = r.audit().missingReplicas().get(1);
        assertEquals("unreachable", killed.method(), r.audit().toString());
        assertEquals(r.audit().checkedKeys(), killed.missing());
        assertTrue(killed.faults().stream().anyMatch(f -> f.startsWith("kill node 1")), killed.toString());
        assertTrue(events.stream().anyMatch(e -> e.startsWith("Fault: kill node 1")), events.toString());
        // The node down from 1 s on is what limited the cell, whatever else the machine was doing.
        assertEquals(io.repram.orchestrate.results.CellLimit.ERRORS, r.limit().verdict(), r.limit().summary());
        assertTrue(r.limit().summary().contains("node 1 answered in only"), r.limit().summary());

        Path dir = Files.list(results).findFirst().orElseThrow();
        String cellJson = Files.readString(dir.resolve(r.cell().id() + ".json"));
        assertTrue(cellJson.contains("\"action\" : \"kill\"") && cellJson.contains("\"lost_writes\""), cellJson);
        try (Reader in = Files.newBufferedReader(dir.resolve("summary.csv"))) {
            CSVRecord row = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)
                    .getRecords().get(0);
            assertEquals("1", row.get("faults"));
            assertEquals(Long.toString(r.audit().lostWrites()), row.get("lost_writes"));
        }
        // Files keep latencies in whole µs and decimals to 3 places: the cell reads back as its file says.
        Path expected = Files.writeString(Files.createTempFile("expected-cell", ".json"),
                io.repram.orchestrate.results.ResultsJson.write(io.repram.orchestrate.results.CellFile.of(r, List.of())));
        assertEquals(io.repram.orchestrate.results.ResultsJson.read(expected, io.repram.orchestrate.results.CellFile.class,
                io.repram.orchestrate.results.SchemaV1::upgradeCell).result(), ResultsReader.read(dir).cells().get(0), "the cell JSON reads back whole (for --resume)");
        Files.delete(expected);
        String report = Files.readString(dir.resolve("report.md"));
        assertTrue(report.contains("What a fault cost") && report.contains("kill node 1"), report);
    }

    @Test
    void aFrozenNodeShowsInTheConvergenceLag() throws Exception {
        CellResult r = runOne("pause-fault");
        assertEquals(List.of("pause", "unpause"), r.faults().stream().map(FaultEvent::action).toList());
        assertTrue(r.faults().stream().allMatch(FaultEvent::ok), r.faults().toString());
        ConvergenceFigures c = r.convergence();
        // A probe written while node 2 was frozen reaches it after the unpause, 1.5 s later, or never.
        assertTrue(c.probes() >= 1, c.toString());
        assertTrue(c.timeouts() > 0 || c.maxMillis() >= 500, "the frozen node's lag is missing: " + c);
        // The frozen node is not left out of the audit: it is read like the others, its faults beside it.
        assertTrue(r.audit().checkedNodes().contains(2), r.audit().toString());
        AuditFigures.NodeReplicas frozen = r.audit().missingReplicas().get(2);
        assertEquals(List.of("pause", "unpause"), frozen.faults().stream().map(f -> f.split(" ")[0]).toList());
    }

    private CellResult runOne(String fixture) throws Exception {
        return runOne(fixture, tmp.resolve("results"));
    }

    private CellResult runOne(String fixture, Path resultsParent) throws Exception {
        RunListener listener = new RunListener() {
            @Override
            public void event(String message) {
                events.add(message);
            }
        };
        return OneCellRun.run(engine, "run/" + fixture, resultsParent, listener,
                new Runner.Options(fixture, 0, Duration.ofSeconds(60), Duration.ofSeconds(2))).result();
    }
}
