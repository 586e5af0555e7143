package io.repram.dashboard.model;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DashboardSnapshotTest {

    private static DashboardSnapshot snapshot(int index, int count, double progress, List<NodeRow> nodes) {
        return new DashboardSnapshot("run", index, count, "s", Duration.ZERO, null, progress,
                ClusterHealth.of(nodes), nodes, LoadPanel.IDLE, List.of(), List.of(), "");
    }

    @Test
    void isASnapshotThatLaterChangesToTheCallersListsCannotReach() {
        List<NodeRow> nodes = new ArrayList<>(List.of(NodeRow.unmeasured("node-1", true)));
        DashboardSnapshot s = snapshot(1, 2, 0.5, nodes);
        nodes.add(NodeRow.unmeasured("node-2", false));
        assertEquals(1, s.nodes().size());
        assertThrows(UnsupportedOperationException.class, () -> s.nodes().add(NodeRow.unmeasured("x", true)));
    }

    @Test
    void agedMovesTheClocksOnAndStopsTheEtaAtZero() {
        DashboardSnapshot s = new DashboardSnapshot("run", 1, 2, "s", Duration.ofSeconds(65), Duration.ofSeconds(10),
                0.5, new ClusterHealth(0, 0), List.of(), LoadPanel.IDLE, List.of(), List.of(), "cooling down");
        DashboardSnapshot later = s.aged(Duration.ofSeconds(4));
        assertEquals(Duration.ofSeconds(69), later.elapsed());
        assertEquals(Duration.ofSeconds(6), later.eta());
        assertEquals(Duration.ZERO, s.aged(Duration.ofSeconds(30)).eta(), "an ETA does not go below 0");
        assertEquals(null, snapshot(1, 2, 0.5, List.of()).aged(Duration.ofSeconds(4)).eta(), "no ETA stays none");
        assertEquals("cooling down", later.statusLine());
        assertEquals(s, s.aged(Duration.ofSeconds(-1)), "a clock never runs back");
    }

    @Test
    void clampsProgressAndRejectsImpossibleScenarioNumbers() {
        assertEquals(1.0, snapshot(2, 2, 1.7, List.of()).progressFraction());
        assertEquals(0.0, snapshot(0, 0, Double.NaN, List.of()).progressFraction());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> snapshot(3, 2, 0, List.of()));
        assertTrue(e.getMessage().contains("3/2"), e.getMessage());
        assertFalse(snapshot(0, 0, 0, List.of()).hasMatrix());
    }

    @Test
    void healthCountsUpNodesAndChecksItsBounds() {
        ClusterHealth health = ClusterHealth.of(List.of(NodeRow.unmeasured("a", true), NodeRow.unmeasured("b", false)));
        assertEquals(new ClusterHealth(1, 2), health);
        assertFalse(health.allHealthy());
        assertThrows(IllegalArgumentException.class, () -> new ClusterHealth(3, 2));
    }

    @Test
    void loadPanelKeepsTheCallersErrorOrder() {
        Map<String, Long> errors = new LinkedHashMap<>();
        errors.put("timeout", 9L);
        errors.put("connect", 1L);
        errors.put("status_503", 5L);
        LoadPanel load = new LoadPanel(10, 90, 1, 2, 100, 15, errors);
        assertEquals(List.of("timeout", "connect", "status_503"), List.copyOf(load.errorsByClass().keySet()));
        assertFalse(load.idle());
        assertTrue(LoadPanel.IDLE.idle());
    }
}
