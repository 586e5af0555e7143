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
        assertEquals(List.of(NodeTable.Column.values()), plan.columns());
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
}
