package io.repram.orchestrate.report;

import io.repram.orchestrate.engine.EngineDetails;
import io.repram.orchestrate.engine.Placement;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** report.md's "Placement" section: where each node ran on a multi-host engine, and the stats source. */
class PlacementSectionTest {

    @Test
    void localEnginesHaveNoPlacementSection() {
        String md = MarkdownReport.render(MarkdownReport.defaultTemplate(), ResultFixtures.RUN_INFO, ResultFixtures.results());
        assertFalse(md.contains("## Placement"), md);
    }

    @Test
    void placementPerClusterSizeAndMachineIsReported() {
        EngineDetails details = new EngineDetails(List.of(
                new Placement("r1", 3, 2, "repram-r1-node-2", "t2", "idB", "host-b"),
                new Placement("r1", 3, 0, "repram-r1-node-0", "t0", "idA", "host-a"),
                new Placement("r1", 3, 1, "repram-r1-node-1", "t1", "idB", "host-b"),
                new Placement("r0", 1, 0, "repram-r0-node-0", "t9", "idA", "host-a")),
                "docker stats (every task runs on the manager)");
        String md = MarkdownReport.render(MarkdownReport.defaultTemplate(),
                ResultFixtures.RUN_INFO.withEngineDetails(details), ResultFixtures.results());
        assertTrue(md.contains("## Placement"), md);
        assertTrue(md.contains("Node resources came from: docker stats (every task runs on the manager)."), md);
        assertTrue(md.contains("| 1 | host-a: 1 |"), md);
        assertTrue(md.contains("| 3 | host-a: 1, host-b: 2 |"), md);
        int node0 = md.indexOf("| 3 | 0 | host-a | idA | repram-r1-node-0 | t0 |");
        int node2 = md.indexOf("| 3 | 2 | host-b | idB | repram-r1-node-2 | t2 |");
        assertTrue(node0 > 0 && node2 > node0, "rows sorted by cluster size and node: " + md);
    }

    @Test
    void pinnedCpusAndTheNetworkOfEveryNodeAreReported() {
        EngineDetails details = new EngineDetails(List.of(
                new Placement("r1", 3, 0, "repram-r1-node-0", null, null, null, "1", "host"),
                new Placement("r1", 3, 1, "repram-r1-node-1", null, null, null, "1", "host"),
                new Placement("r0", 1, 0, "repram-r0-node-0", null, null, null, null, "bridge")),
                "docker stats", "0");
        String md = MarkdownReport.render(MarkdownReport.defaultTemplate(),
                ResultFixtures.RUN_INFO.withEngineDetails(details), ResultFixtures.results());
        assertTrue(md.contains("Load generator pinned to CPU(s) 0 (load.isolate)"), md);
        assertTrue(md.contains("| Cluster size | Node | CPUs | Network |"), md);
        assertTrue(md.contains("| 3 | 1 | 1 | host |"), md);
        assertTrue(md.contains("| 1 | 0 | any | bridge |"), md);
        assertFalse(md.contains("Nodes per machine"), "one machine: no machine table: " + md);
    }
}
