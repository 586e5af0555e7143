package io.repram.orchestrate.report;

import io.repram.orchestrate.results.RunInfo;
import io.repram.orchestrate.results.CellResult;
import io.repram.orchestrate.results.LatencySummary;
import io.repram.orchestrate.results.LoadFigures;
import io.repram.orchestrate.scenario.Cell;
import io.repram.orchestrate.scenario.Cooldown;
import io.repram.orchestrate.scenario.FaultSpec;
import io.repram.orchestrate.scenario.Matrix;
import io.repram.orchestrate.scenario.NodeSettings;
import io.repram.orchestrate.scenario.Scenario;
import io.repram.orchestrate.scenario.Workload;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A six-cell run: 1, 3 and 5 nodes at 10 and 50 workers, 1 KB. Throughput grows from 1 to 3 nodes
 * but only 2.8% from 3 to 5; the 5-node/50-worker cell got 3% 503s and breaches success_rate >= 99.
 */
final class ResultFixtures {

    static final Scenario SCENARIO = new Scenario("fixture", "repram-node:latest",
            new Matrix(List.of(1, 3, 5), List.of(10, 50), List.of(1024)), Duration.ofSeconds(10),
            Duration.ofSeconds(2), new Cooldown(Duration.ofSeconds(1), Duration.ofSeconds(2)),
            new Workload(70, 300, 1000, null, Workload.Targets.ALL),
            new NodeSettings(Map.of("REPRAM_REPLICATION", "3"), 1.5, 512L << 20),
            Map.of("success_rate", ">= 99", "p99_ms", "<= 40"),
            List.of(new FaultSpec(Duration.ofSeconds(5), "pause", "0")));

    static final RunInfo RUN_INFO = new RunInfo(SCENARIO, "docker", "27.3.1", 2, 8L << 30, "sha256:abc123",
            Instant.parse("2025-01-02T03:04:05Z"), "0.1.0-SNAPSHOT");

    private ResultFixtures() {
    }

    static List<CellResult> results() {
        return List.of(
                cell(0, 1, 10, 2000, 100, 2, 5),
                cell(1, 1, 50, 2100, 100, 10, 20),
                cell(2, 3, 10, 3000, 100, 2, 6),
                cell(3, 3, 50, 3600, 100, 8, 30),
                cell(4, 5, 10, 3100, 100, 2, 7),
                cell(5, 5, 50, 3700, 97, 9, 35));
    }

    /** 10 s measured; 70% PUTs; failures are 503s. */
    static CellResult cell(int index, int size, int conc, double rps, double successPercent, long p50Ms, long p99Ms) {
        long requests = Math.round(rps * 10);
        long successes = Math.round(requests * successPercent / 100);
        long failures = requests - successes;
        LatencySummary all = new LatencySummary(requests, p50Ms * 1.1e6, 100_000, p50Ms * 1_000_000,
                p50Ms * 2_000_000, p99Ms * 1_000_000, p99Ms * 1_500_000, p99Ms * 3_000_000);
        long puts = requests * 7 / 10;
        LoadFigures load = new LoadFigures(requests, successes, failures, puts, requests - puts, 10.0, all, all, all,
                failures == 0 ? Map.of() : Map.of("status_503", failures));
        long start = 1_735_787_045_000L + index * 20_000L;
        return new CellResult(new Cell(index, size, conc, 1024), start, start + 10_000, load, 150.5 + index,
                (300L + index) << 20, failures == 0 ? "ok" : "degraded", failures == 0 ? null : "node 0 paused");
    }
}
