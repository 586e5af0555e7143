package io.repram.orchestrate.analysis;

import io.repram.orchestrate.cli.BaselineCommand;
import io.repram.orchestrate.results.ResultsReader;
import io.repram.orchestrate.scenario.Matrix;
import io.repram.orchestrate.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BaselineTest {

    static final Scenario SCENARIO = Fixtures.scenario(new Matrix(List.of(1, 3, 5), List.of(10), List.of(1024)),
            Fixtures.workload());

    @TempDir
    Path tmp;

    /**
     * 1 node: 1000 req/s, mean 2.2 ms (10,000 requests); 3 nodes: 2500 req/s, mean 4.4 ms (25,000);
     * 5 nodes: 3000 req/s at 97% success, so not healthy. Stats: CPU peaks at 34% (cell 2, node 4),
     * memory at 102 MiB.
     */
    Path fixtureRun() {
        return Fixtures.writeRun(tmp, LocalDateTime.of(2025, 1, 2, 3, 4, 5),
                Fixtures.runInfo(SCENARIO, 2, "sha256:a", "docker"), List.of(
                        new Fixtures.Spec(1, 10, 1024, 1000, 100, 2, 5),
                        new Fixtures.Spec(3, 10, 1024, 2500, 100, 4, 8),
                        new Fixtures.Spec(5, 10, 1024, 3000, 97, 5, 20)), true).dir().path();
    }

    @Test
    void topConfigurationsAreTheHealthyCellsByThroughput() {
        Baseline b = Baseline.of(ResultsReader.read(fixtureRun()), null, null);
        assertEquals(List.of(3, 1), b.top().stream().map(r -> r.cell().clusterSize()).toList());
        // One row set per size, 5 nodes too: its samples are its own even if its cell is not healthy.
        assertEquals(List.of(1, 3, 5), b.alerts().stream().map(AlertThresholds.SizeAlerts::clusterSize).toList());
    }

    @Test
    void commandWritesTheBaselineWithCapacity() throws IOException {
        Path run = fixtureRun();
        CommandRun r = CommandRun.of(new BaselineCommand(), run.toString(), "--target-rps", "4000");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("Nodes needed for 4000.0 req/s: 5"), r.out());
        String md = Files.readString(run.resolve("performance-baseline.md"));
        assertTrue(md.contains("- Date: " + LocalDate.now()), md);
        assertTrue(md.contains("| 1 | 3 | 10 | 1024 | 2,500.0 | 100.000% | 4.40 | 4.00 | 8.00 |"), md);
        // 5 nodes × 10 s = 50 busy samples, CPU 30..34 %: p99 at h = 49 × 0.99 = 48.51 of the sorted values.
        assertTrue(md.contains("| 5 | node CPU above | 34.0% | the p99 of 50 per-node samples during 1 measured cell(s)"), md);
        assertTrue(md.contains("| 5 | node memory above | 102.00 MiB |"), md);
        assertTrue(md.contains("**Nodes needed: 5.**"), md);
        assertTrue(md.contains("assuming each further node adds 750.0 req/s"), md);
    }

    @Test
    void monitoringDirectoryGivesThePeaks() throws IOException {
        Path run = fixtureRun();
        Path monitoring = Files.createDirectories(tmp.resolve("monitoring"));
        Files.writeString(monitoring.resolve("container_stats.csv"),
                "timestamp,node,cpu_percent,memory_usage_mb,memory_percent,network_rx_mb,network_tx_mb\n"
                        + "2025-01-02T03:04:05Z,repram-node-0,150.0,300.0,58.6,1.0,2.0\n"
                        + "2025-01-02T03:04:06Z,repram-node-1,90.0,400.0,78.1,1.0,2.0\n");
        CommandRun r = CommandRun.of(new BaselineCommand(), run.toString(), monitoring.toString());
        assertEquals(0, r.exitCode(), r.err());
        String md = Files.readString(run.resolve("performance-baseline.md"));
        // Two monitor samples are too few for an alert, and they are of a 2-node cluster, not the run's sizes.
        assertTrue(md.contains("| 2 | node CPU above | none | too few samples to propose one: 2 busy samples"), md);
        assertTrue(md.contains("pass `--target-rps N`"), md);
        assertEquals(2, CommandRun.of(new BaselineCommand(), run.toString(), tmp.resolve("empty").toString()).exitCode());
        assertEquals(2, CommandRun.of(new BaselineCommand(), run.toString(), "--target-rps", "-5").exitCode());
    }

    @Test
    void capacityInterpolatesExtrapolatesAndKnowsWhenNodesDoNotHelp() {
        List<CapacityPlan.Point> curve = List.of(new CapacityPlan.Point(1, 1000), new CapacityPlan.Point(3, 2500));
        assertEquals(1, CapacityPlan.forTarget(curve, 800).nodesNeeded());
        // 1 + (2000 - 1000) / (2500 - 1000) × 2 = 2.33 → 3
        CapacityPlan.Estimate inside = CapacityPlan.forTarget(curve, 2000);
        assertEquals(3, inside.nodesNeeded());
        assertTrue(inside.reasoning().get(0).contains("Interpolated linearly"), inside.reasoning().toString());
        assertEquals(3, CapacityPlan.forTarget(curve, 2500).nodesNeeded());
        // 3 + (4000 - 2500) / 750 = 5
        CapacityPlan.Estimate beyond = CapacityPlan.forTarget(curve, 4000);
        assertEquals(5, beyond.nodesNeeded());
        assertTrue(beyond.reasoning().get(0).contains("Extrapolated beyond the largest measured size"));
        assertTrue(CapacityPlan.forTarget(curve, 10_000).reasoning().stream().anyMatch(s -> s.contains("a guess")));

        List<CapacityPlan.Point> flat = List.of(new CapacityPlan.Point(1, 1000), new CapacityPlan.Point(3, 900));
        CapacityPlan.Estimate none = CapacityPlan.forTarget(flat, 2000);
        assertEquals(null, none.nodesNeeded());
        assertTrue(none.reasoning().get(0).contains("declining") && none.reasoning().get(0).contains("more nodes will not help"),
                none.reasoning().toString());

        CapacityPlan.Estimate single = CapacityPlan.forTarget(List.of(new CapacityPlan.Point(2, 1000)), 2600);
        assertEquals(6, single.nodesNeeded());
        assertTrue(single.reasoning().get(0).contains("perfectly linear"));
    }
}
