package io.repram.orchestrate.analysis;

import io.repram.orchestrate.engine.NodeStatsSample;
import io.repram.orchestrate.results.ResultsDir;
import io.repram.orchestrate.report.ResultsWriter;
import io.repram.orchestrate.results.RunInfo;
import io.repram.orchestrate.results.CellResult;
import io.repram.orchestrate.results.LatencySummary;
import io.repram.orchestrate.results.LoadFigures;
import io.repram.orchestrate.scenario.Cell;
import io.repram.orchestrate.scenario.Cooldown;
import io.repram.orchestrate.scenario.Matrix;
import io.repram.orchestrate.scenario.NodeSettings;
import io.repram.orchestrate.scenario.Scenario;
import io.repram.orchestrate.scenario.Workload;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds results directories with ResultsWriter, as a run would, from hand-picked figures. */
final class Fixtures {

    static final long START_MILLIS = 1_735_787_045_000L;

    /** One measured cell: 10 s, mean latency 1.1 × p50, failures are 503s. */
    record Spec(int size, int conc, int payload, double rps, double successPercent, long p50Ms, long p99Ms) {
    }

    private Fixtures() {
    }

    static Scenario scenario(Matrix matrix, Workload workload) {
        return new Scenario("fixture", "repram-node:latest", matrix, Duration.ofSeconds(10), Duration.ofSeconds(2),
                new Cooldown(Duration.ofSeconds(1), Duration.ofSeconds(2)), workload,
                new NodeSettings(Map.of(), 1.0, 512L << 20), Map.of(), List.of());
    }

    static Workload workload() {
        return new Workload(70, 300, 1000, null, Workload.Targets.ALL);
    }

    static RunInfo runInfo(Scenario scenario, int cores, String imageId, String driver) {
        return new RunInfo(scenario, driver, "27.3.1", cores, 8L << 30, imageId,
                Instant.parse("2025-01-02T03:04:05Z"), "0.1.0-SNAPSHOT");
    }

    static CellResult cell(int index, Spec s) {
        long requests = Math.round(s.rps() * 10);
        long successes = Math.round(requests * s.successPercent() / 100);
        long failures = requests - successes;
        LatencySummary all = new LatencySummary(requests, s.p50Ms() * 1.1e6, 100_000, s.p50Ms() * 1_000_000,
                s.p50Ms() * 2_000_000, s.p99Ms() * 1_000_000, s.p99Ms() * 1_500_000, s.p99Ms() * 3_000_000);
        long puts = requests * 7 / 10;
        LoadFigures load = new LoadFigures(requests, successes, failures, puts, requests - puts, 10.0, all, all, all,
                failures == 0 ? Map.of() : Map.of("status_503", failures));
        long start = START_MILLIS + index * 20_000L;
        return new CellResult(new Cell(index, s.size(), s.conc(), s.payload()), start, start + 10_000, load,
                40 + index, (100L + index) << 20, failures == 0 ? "ok" : "degraded",
                failures == 0 ? null : "errors");
    }

    /**
     * Writes a run of {@code specs} (run order) into a new results directory under {@code parent}.
     * With {@code stats}, every node gets one sample per second during each cell and one idle sample
     * after it; CPU = 10 × (cell index + 1) + node index, memory = 100 + cell index MiB.
     */
    static ResultsWriter writeRun(Path parent, LocalDateTime at, RunInfo info, List<Spec> specs, boolean stats) {
        ResultsWriter writer = ResultsWriter.start(ResultsDir.create(parent, at), info);
        for (int i = 0; i < specs.size(); i++) {
            CellResult r = cell(i, specs.get(i));
            if (stats) {
                List<NodeStatsSample> samples = new ArrayList<>();
                for (long t = r.startedEpochMillis(); t < r.finishedEpochMillis(); t += 1000) {
                    for (int n = 0; n < r.cell().clusterSize(); n++) {
                        samples.add(sample(t, n, 10.0 * (i + 1) + n, (100L + i) << 20));
                    }
                }
                writer.appendStats(r.cell().id(), samples);
                writer.appendStats("idle", List.of(sample(r.finishedEpochMillis() + 1000, 0, 1, 90L << 20)));
            }
            writer.writeCell(r);
        }
        // A finished run draws its charts and report.html once, at the end.
        writer.writeReports();
        return writer;
    }

    private static NodeStatsSample sample(long t, int node, double cpu, long memoryBytes) {
        return new NodeStatsSample(t, node, "node-" + node, cpu, memoryBytes, 512L << 20, 0, 0, 0, 0);
    }

    /** 1, 3 and 5 nodes × 10 and 50 workers × 1 KB and 64 KB. */
    static List<Spec> fullMatrix() {
        List<Spec> specs = new ArrayList<>();
        for (int size : List.of(1, 3, 5)) {
            for (int conc : List.of(10, 50)) {
                for (int payload : List.of(1024, 65536)) {
                    double rps = 1000.0 * size * (conc == 50 ? 1.2 : 1.0) / (payload == 65536 ? 4 : 1);
                    specs.add(new Spec(size, conc, payload, rps, conc == 50 && size == 5 ? 98.5 : 100, 2, conc / 2));
                }
            }
        }
        return specs;
    }

    static Scenario fullScenario() {
        return scenario(new Matrix(List.of(1, 3, 5), List.of(10, 50), List.of(1024, 65536)), workload());
    }
}
