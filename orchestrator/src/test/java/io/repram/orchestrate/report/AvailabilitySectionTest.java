package io.repram.orchestrate.report;

import io.repram.orchestrate.results.CellResult;
import io.repram.orchestrate.results.LoadFigures;
import io.repram.orchestrate.results.NodeFigures;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The uneven-load finding, from per-node request counts whose shares are known. */
class AvailabilitySectionTest {

    @Test
    void aNodeSentFarUnderAnEvenShareIsNamedWithItsShare() {
        // make bench, process driver, 2026-12-03: node 2 left behind by its peers' replication.
        CellResult r = withNodes(101_022, 88_376, 1_965);
        assertEquals("in " + r.cell().id() + ", node 2 was sent 1,965 of 191,363 requests, 1.0% where an even "
                + "share is 33.3%", AvailabilitySection.unevenNodes(r));
        String section = AvailabilitySection.render(List.of(r));
        assertTrue(section.contains("**Uneven load (a node sent under a quarter of an even share of the requests):** in "
                + r.cell().id() + ", node 2 was sent 1,965"), section);
    }

    @Test
    void balancedCellsAndOneTargetedNodeAreNotUneven() {
        // The same bench's Docker cell: 27%, 38%, 35%.
        CellResult balanced = withNodes(26_563, 36_559, 34_054);
        assertEquals("", AvailabilitySection.unevenNodes(balanced));
        assertFalse(AvailabilitySection.render(List.of(balanced)).contains("Uneven load"));
        // targets: node 0 sends nothing to the others by design.
        assertEquals("", AvailabilitySection.unevenNodes(withNodes(50_000, 0, 0)));
        // Just above and below a quarter of an even share (8.33% of 3 nodes).
        assertEquals("", AvailabilitySection.unevenNodes(withNodes(4_580, 4_580, 840)));
        assertTrue(AvailabilitySection.unevenNodes(withNodes(4_590, 4_590, 820)).contains("node 2 was sent 820"));
    }

    @Test
    void aNodeWithNoWorkerIsNotSentRatherThanDown() {
        // Two workers on three nodes: the load generator counts no interval for node 2.
        CellResult r = withNodes(30_000, 30_000, 0);
        String section = AvailabilitySection.render(List.of(r));
        assertTrue(section.contains("| " + r.cell().id() + " | 2 | 0 | 0 | 0 | not sent | 0.0 s |"), section);
        assertTrue(section.contains("| " + r.cell().id() + " | 0 | 30,000 | 30,000 | 0 | 100.0% | 0.0 s |"), section);
        assertTrue(section.contains("every node answered in every interval."), section);
    }

    private static CellResult withNodes(long... attempts) {
        CellResult base = ResultFixtures.cell(0, attempts.length, 25, 1000, 100, 2, 20);
        List<NodeFigures> nodes = new ArrayList<>();
        for (int i = 0; i < attempts.length; i++) {
            nodes.add(new NodeFigures(i, "http://127.0.0.1:" + (8080 + i), attempts[i], attempts[i], 0, Map.of(),
                    attempts[i] == 0 ? 0 : 20, attempts[i] == 0 ? 0 : 20, 100.0, List.of()));
        }
        LoadFigures l = base.load();
        LoadFigures load = new LoadFigures(l.requests(), l.successes(), l.failures(), l.puts(), l.gets(),
                l.elapsedSeconds(), l.all(), l.put(), l.get(), l.errorsByClass(), nodes);
        return new CellResult(base.cell(), base.startedEpochMillis(), base.finishedEpochMillis(), load,
                base.peakCpuPercent(), base.peakMemoryBytes(), base.status(), base.statusReason());
    }
}
