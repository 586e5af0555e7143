package io.repram.dashboard.render;

import io.repram.dashboard.SampleSnapshots;
import io.repram.dashboard.model.NodeRow;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NodeTableTest {

    private final List<NodeRow> rows = SampleSnapshots.threeNodesOneDown().nodes();

    @Test
    void wideTableKeepsEveryColumnWithRoomyGaps() {
        NodeTable.Plan plan = NodeTable.plan(rows, 196);
        // Every column with figures: these rows carry none of the load's per-node ones.
        assertEquals(java.util.Arrays.stream(NodeTable.Column.values()).filter(c -> c != NodeTable.Column.AVAILABILITY
                && c != NodeTable.Column.ERRORS).toList(), plan.columns());
        assertEquals(3, plan.gap());
    }

    @Test
    void narrowTableDropsNetworkBeforeItemsAndNeverNodeOrStatus() {
        NodeTable.Plan plan = NodeTable.plan(rows, 50);
        assertTrue(plan.columns().containsAll(List.of(NodeTable.Column.NODE, NodeTable.Column.STATUS)));
        assertFalse(plan.columns().contains(NodeTable.Column.NET_TX));
        int total = java.util.Arrays.stream(plan.widths()).sum() + plan.gap() * (plan.columns().size() - 1);
        assertTrue(total <= 50, "plan must fit: " + total);
        if (!plan.columns().contains(NodeTable.Column.ITEMS)) {
            assertFalse(plan.columns().contains(NodeTable.Column.NET_RX), "Items outrank network");
        }
    }

    @Test
    void longNamesShrinkBeforeColumnsGo() {
        List<NodeRow> named = SampleSnapshots.manyNodes(3).nodes();
        NodeTable.Plan plan = NodeTable.plan(named, 78);
        assertTrue(plan.widths()[0] < "repram-scale-test-node-1".length());
        int total = java.util.Arrays.stream(plan.widths()).sum() + plan.gap() * (plan.columns().size() - 1);
        assertTrue(total <= 78, "plan must fit: " + total);
    }

    @Test
    void theLoadsAvailabilityOfANodeIsTheLastColumnToGo() {
        List<NodeRow> loaded = List.of(
                new NodeRow("node-0", true, 10, 1 << 20, 1, 1, 100, 10, 0, 100.0),
                new NodeRow("node-1", false, Double.NaN, NodeRow.UNKNOWN, NodeRow.UNKNOWN, NodeRow.UNKNOWN, 40, 0, 1234, 40.0));
        assertEquals("40.0%", NodeTable.Column.AVAILABILITY.cell.apply(loaded.get(1)));
        assertEquals("1,234", NodeTable.Column.ERRORS.cell.apply(loaded.get(1)));
        assertEquals("-", NodeTable.Column.AVAILABILITY.cell.apply(rows.get(0)), "not loaded: unknown, not 0");
        assertEquals(List.of(NodeTable.Column.values()), NodeTable.plan(loaded, 196).columns());
        NodeTable.Plan plan = NodeTable.plan(loaded, 30);
        assertTrue(plan.columns().contains(NodeTable.Column.AVAILABILITY), plan.columns().toString());
        assertFalse(plan.columns().contains(NodeTable.Column.ERRORS), plan.columns().toString());
        assertFalse(NodeTable.plan(rows, 196).columns().contains(NodeTable.Column.AVAILABILITY),
                "no load, no availability column");
    }

    @Test
    void nodesWithoutNetworkCountersHaveNoNetworkColumnsRatherThanZeros() {
        // The process driver and Docker's host mode: no per-node network counters.
        List<NodeRow> hostNetwork = List.of(
                new NodeRow("node-0", true, 10, 1 << 20, NodeRow.UNKNOWN, NodeRow.UNKNOWN, 100, 10, 0, 100.0),
                new NodeRow("node-1", true, 10, 1 << 20, NodeRow.UNKNOWN, NodeRow.UNKNOWN, 100, 10, 0, 100.0));
        List<NodeTable.Column> columns = NodeTable.plan(hostNetwork, 196).columns();
        assertFalse(columns.contains(NodeTable.Column.NET_RX), columns.toString());
        assertFalse(columns.contains(NodeTable.Column.NET_TX), columns.toString());
        assertEquals("-", NodeTable.Column.NET_RX.cell.apply(hostNetwork.get(0)), "unknown, not 0 B/s");
        // One node with counters (a bridge network, the others down) keeps them.
        List<NodeRow> mixed = List.of(hostNetwork.get(0),
                new NodeRow("node-2", true, 10, 1 << 20, 2048, 1024, 100, 10, 0, 100.0));
        assertTrue(NodeTable.plan(mixed, 196).columns().contains(NodeTable.Column.NET_RX));
    }
}
