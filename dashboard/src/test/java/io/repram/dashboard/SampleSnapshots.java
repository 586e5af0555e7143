package io.repram.dashboard;

import io.repram.dashboard.model.ClusterHealth;
import io.repram.dashboard.model.DashboardSnapshot;
import io.repram.dashboard.model.LoadPanel;
import io.repram.dashboard.model.NodeRow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Snapshots with known figures, shared by the tests and the manual demo. */
public final class SampleSnapshots {

    public static final long MIB = 1024L * 1024;

    private SampleSnapshots() {
    }

    /** Three nodes, node-2 dead, steady load of about 4,812 req/s. */
    public static DashboardSnapshot threeNodesOneDown() {
        return withNodes(List.of(
                new NodeRow("node-1", true, 12.34, 256 * MIB, (long) (1.2 * MIB), 340 * 1024, 48_120, 9_876),
                new NodeRow("node-2", false, Double.NaN, NodeRow.UNKNOWN, NodeRow.UNKNOWN, NodeRow.UNKNOWN, 1_234, NodeRow.UNKNOWN),
                new NodeRow("node-3", true, 7.5, 300 * MIB, 800 * 1024, 2 * MIB, 47_001, 9_870)), 0);
    }

    /** {@code count} healthy nodes with long, shared-prefix names, as containers are named. */
    public static DashboardSnapshot manyNodes(int count) {
        List<NodeRow> nodes = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            nodes.add(new NodeRow("repram-scale-test-node-" + i, true, 10 + i, (200 + i) * MIB,
                    (long) (1.5 * MIB), 900 * 1024, 1_000_000L + i, 50_000 + i));
        }
        return withNodes(nodes, 0);
    }

    public static DashboardSnapshot withNodes(List<NodeRow> nodes, int secondOffset) {
        Map<String, Long> errors = new LinkedHashMap<>();
        errors.put("timeout", 8L);
        errors.put("status_503", 4L);
        List<Double> history = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            int t = i + secondOffset;
            history.add(t % 37 == 20 ? 1_200.0 : 4_000 + 800 * Math.sin(t / 6.0));
        }
        return new DashboardSnapshot(
                "nightly-scale",
                3, 12, "write-heavy-5n",
                Duration.ofSeconds(192 + secondOffset),
                Duration.ofMinutes(21).plusSeconds(40),
                0.25,
                ClusterHealth.of(nodes),
                nodes,
                new LoadPanel(4_812, 99.96, 3.4, 12.1, 284_000, 12, errors),
                history,
                List.of("00:00:00 scenario 3/12 write-heavy-5n started",
                        "00:01:30 fault: kill node-2",
                        "00:01:31 node-2 DOWN",
                        "00:02:00 warm-up done, measuring"),
                "measuring, 48 s left in this scenario");
    }
}
