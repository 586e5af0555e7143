package io.repram.orchestrate.run;

import io.repram.orchestrate.scenario.Cooldown;
import io.repram.orchestrate.scenario.Matrix;
import io.repram.orchestrate.scenario.NodeSettings;
import io.repram.orchestrate.scenario.RunPlan;
import io.repram.orchestrate.scenario.Scenario;
import io.repram.orchestrate.scenario.Workload;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PlanEstimateTest {

    @Test
    void theEstimateAddsAStatedStartUpAllowancePerCluster() {
        Scenario s = new Scenario("plan", "repram-node:latest", new Matrix(List.of(1, 3), List.of(10), List.of(1024)),
                Duration.ofSeconds(60), Duration.ofSeconds(5), new Cooldown(Duration.ofSeconds(2), Duration.ofSeconds(10)),
                new Workload(70, 300, 1000, null, Workload.Targets.ALL), new NodeSettings(Map.of(), null, null),
                Map.of(), List.of());
        RunPlan plan = RunPlan.of(s);
        // Two cells of 65 s, one cooldown between the cluster sizes; two clusters of 40 s allowance each.
        assertEquals(Duration.ofSeconds(140), plan.estimatedDuration());
        assertEquals(Duration.ofSeconds(220), PlanEstimate.total(plan));
        assertEquals("Plan: 2 cell(s) on 2 cluster(s), about 3m40s (2m20s of warm-up, measured time and cooldowns"
                + " + 40s start-up allowance per cluster)", PlanEstimate.line(plan));
        // 5 s into the first cell: its other 60 s, then the 3-node cluster's cooldown, allowance and cell.
        assertEquals(60_000 + 10_000 + 40_000 + 65_000, PlanEstimate.remainingMillis(plan, 1, 5_000));
        assertEquals(PlanEstimate.total(plan).toMillis(), PlanEstimate.remainingMillis(plan, 1, 0)
                + PlanEstimate.ALLOWANCE_PER_CLUSTER.toMillis(), "at the start, the plan minus the first start-up");
        assertEquals(0, PlanEstimate.remainingMillis(plan, 2, 65_000));
        assertEquals("Took 3m58s; the plan said about 3m40s.", PlanEstimate.tookLine(Duration.ofMillis(237_600), plan));
    }

    @Test
    void aSearchIsEstimatedAtTheTypicalNumberOfProbes() {
        Scenario s = io.repram.orchestrate.scenario.ScenarioLoader.parse(new java.io.StringReader("""
                matrix: {cluster_sizes: [1, 3], concurrency: [64], payload_bytes: [1024]}
                cooldown: {between_scenarios: 0s, between_cluster_sizes: 10s}
                search: {slo: {p99_ms: "<= 20"}, step: 5s, warmup: 2s}
                """), "t.yaml", "t", w -> { });
        RunPlan plan = RunPlan.of(s);
        // 2 searches × (at most 60 s of warm-up + 12 probes × 7 s), the cooldown between the sizes, 2 × 40 s allowance.
        assertEquals(Duration.ofSeconds(2 * (60 + 12 * 7) + 10 + 80), PlanEstimate.total(plan));
        assertEquals("Plan: 2 rate search(es) on 2 cluster(s), about 6m18s if each warms up for at most 1m and takes "
                + "12 probes of 7s (warm-up + step; the ladder decides how many) + 40s start-up allowance per cluster",
                PlanEstimate.line(plan));
        // The time left counts from the search's start, across its warm-up and probes, not per probe.
        assertEquals(PlanEstimate.total(plan).toMillis(), PlanEstimate.remainingMillis(plan, 1, 0)
                + PlanEstimate.ALLOWANCE_PER_CLUSTER.toMillis());
        assertEquals((60 + 12 * 7) * 1000L - 100_000 + 10_000 + 40_000 + (60 + 12 * 7) * 1000L,
                PlanEstimate.remainingMillis(plan, 1, 100_000), "100 s into the first search");
    }
}
