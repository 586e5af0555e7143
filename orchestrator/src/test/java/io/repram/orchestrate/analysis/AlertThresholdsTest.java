package io.repram.orchestrate.analysis;

import io.repram.orchestrate.cli.BaselineCommand;
import io.repram.orchestrate.results.CellResult;
import io.repram.orchestrate.results.IntervalLatency;
import io.repram.orchestrate.results.IntervalLogCsv;
import io.repram.orchestrate.results.IntervalRecord;
import io.repram.orchestrate.scenario.Matrix;
import io.repram.orchestrate.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Alert thresholds from known distributions: medians, p99s, separate sizes and too few samples. */
class AlertThresholdsTest {

    @TempDir
    Path tmp;

    /** {@code n} measured one-second intervals; interval k has k+1 + base successes and a p99 of (k+1) ms. */
    static List<IntervalRecord> intervals(int n, long base) {
        List<IntervalRecord> out = new ArrayList<>();
        // A warm-up interval far off the distribution: it must not count.
        out.add(interval(-1000, true, 1_000_000, 900_000));
        for (int k = 0; k < n; k++) out.add(interval(k * 1000L, false, base + k + 1, (k + 1) * 1000L));
        return out;
    }

    private static IntervalRecord interval(long offset, boolean warmup, long successes, long p99Us) {
        IntervalLatency put = new IntervalLatency(successes, p99Us / 2, p99Us / 2, p99Us, p99Us, p99Us);
        IntervalLatency get = new IntervalLatency(1, 10, 10, p99Us / 4, p99Us / 4, p99Us / 4);
        return new IntervalRecord(offset, 0, 1000, warmup, successes, successes, successes, 0, Map.of(), put, get, List.of());
    }

    private static StatsSample busy(String cellId, String node, double cpu) {
        return new StatsSample(Instant.EPOCH, cellId, node, cpu, 100 + cpu);
    }

    private static Alert alert(AlertThresholds.SizeAlerts size, String condition) {
        return size.alerts().stream().filter(a -> a.condition().equals(condition)).findFirst().orElseThrow();
    }

    @Test
    void throughputAndLatencyComeFromTheMediansOfTheIntervals() {
        CellResult cell = Fixtures.cell(0, new Fixtures.Spec(3, 10, 1024, 1000, 100, 2, 5));
        // 41 intervals: successes base+1 .. base+41, median base+21; p99s 1..41 ms, median 21 ms.
        List<AlertThresholds.SizeAlerts> alerts = AlertThresholds.of(List.of(cell), List.of(cell), List.of(),
                id -> intervals(41, 4979));
        assertEquals(1, alerts.size());
        Alert throughput = alert(alerts.get(0), "throughput below");
        assertEquals(0.8 * 5000, throughput.threshold(), 1e-9);
        assertEquals(41, throughput.samples());
        Alert latency = alert(alerts.get(0), "p99 latency above");
        assertEquals(2 * 21.0, latency.threshold(), 1e-9);
        assertTrue(latency.derivedFrom().contains("21.00 ms"), latency.derivedFrom());
    }

    @Test
    void cpuAlertIsThePercentile99OfTheBusySamplesOnly() {
        CellResult cell = Fixtures.cell(0, new Fixtures.Spec(1, 10, 1024, 1000, 100, 2, 5));
        List<StatsSample> stats = new ArrayList<>();
        for (int v = 1; v <= 100; v++) stats.add(busy(cell.cell().id(), "node-0", v));
        for (int k = 0; k < 50; k++) stats.add(busy(StatsSample.IDLE, "node-0", 500));
        Alert cpu = alert(AlertThresholds.of(List.of(cell), List.of(cell), stats, id -> List.of()).get(0), "node CPU above");
        // Type 7: h = 99 × 0.99 = 98.01, so 99 + 0.01 × (100 − 99); the idle 500s are not busy samples.
        assertEquals(99.01, cpu.threshold(), 1e-9);
        assertEquals(100, cpu.samples());
    }

    @Test
    void oneNodeAndThreeNodeCellsGetSeparateThresholds() {
        CellResult one = Fixtures.cell(0, new Fixtures.Spec(1, 10, 1024, 1000, 100, 2, 5));
        CellResult three = Fixtures.cell(1, new Fixtures.Spec(3, 10, 1024, 3000, 100, 2, 5));
        List<StatsSample> stats = new ArrayList<>();
        for (int k = 0; k < 40; k++) stats.add(busy(one.cell().id(), "node-0", 50));
        for (int k = 0; k < 40; k++) for (int n = 0; n < 3; n++) stats.add(busy(three.cell().id(), "node-" + n, 20));
        Function<String, List<IntervalRecord>> intervals = id -> id.equals(one.cell().id())
                ? intervals(31, 1000 - 16) : intervals(31, 3000 - 16);
        List<AlertThresholds.SizeAlerts> alerts = AlertThresholds.of(List.of(one, three), List.of(one, three), stats, intervals);
        assertEquals(List.of(1, 3), alerts.stream().map(AlertThresholds.SizeAlerts::clusterSize).toList());
        assertEquals(0.8 * 1000, alert(alerts.get(0), "throughput below").threshold(), 1e-9);
        assertEquals(0.8 * 3000, alert(alerts.get(1), "throughput below").threshold(), 1e-9);
        assertEquals(50.0, alert(alerts.get(0), "node CPU above").threshold(), 1e-9);
        assertEquals(20.0, alert(alerts.get(1), "node CPU above").threshold(), 1e-9);
        assertEquals(120, alert(alerts.get(1), "node CPU above").samples());
    }

    @Test
    void fifteenIdleSamplesProposeNothingAndSaySo() {
        CellResult cell = Fixtures.cell(0, new Fixtures.Spec(3, 10, 1024, 1000, 100, 2, 5));
        List<StatsSample> stats = new ArrayList<>();
        for (int k = 0; k < 15; k++) stats.add(busy(StatsSample.IDLE, "node-" + k % 3, 9.4));
        AlertThresholds.SizeAlerts size = AlertThresholds.of(List.of(cell), List.of(cell), stats,
                id -> intervals(10, 100)).get(0);
        for (Alert a : size.alerts()) {
            assertFalse(a.proposed(), a.toString());
            assertNull(a.threshold());
            assertTrue(a.derivedFrom().startsWith("too few samples") && a.derivedFrom().contains("at least 30"), a.toString());
        }
        assertEquals(0, alert(size, "node CPU above").samples());
        assertEquals(10, alert(size, "throughput below").samples());
    }

    @Test
    void theBaselineFileShowsPerSizeRowsAndTooFewSamplesWithoutNaN() throws IOException {
        Scenario scenario = Fixtures.scenario(new Matrix(List.of(1, 3), List.of(10), List.of(1024)), Fixtures.workload());
        // Fixture cells are 10 s: 10 busy samples per node, so 1 node has too few and 3 nodes have 30.
        Path run = Fixtures.writeRun(tmp, LocalDateTime.of(2025, 1, 2, 3, 4, 5),
                Fixtures.runInfo(scenario, 2, "sha256:a", "docker"), List.of(
                        new Fixtures.Spec(1, 10, 1024, 1000, 100, 2, 5),
                        new Fixtures.Spec(3, 10, 1024, 2500, 100, 4, 8)), true).dir().path();
        IntervalLogCsv.write(IntervalLogCsv.file(run, "3nodes_10conc_1024bytes"), intervals(31, 2500 - 16), List.of());
        CommandRun r = CommandRun.of(new BaselineCommand(), run.toString());
        assertEquals(0, r.exitCode(), r.err());
        String md = Files.readString(run.resolve(BaselineReport.FILE_NAME));
        assertTrue(md.contains("| 1 | node CPU above | none | too few samples to propose one: 10 busy samples, "
                + "at least 30 needed |"), md);
        assertTrue(md.contains("| 1 | throughput below | none | too few samples to propose one: 0 per-second intervals"), md);
        // Node CPU of the 3-node cell (index 1): 20, 21, 22 % × 10 s; p99 of 30 values.
        assertTrue(md.contains("| 3 | node CPU above | 22.0% | the p99 of 30 per-node samples during 1 measured cell(s)"), md);
        assertTrue(md.contains("| 3 | throughput below | 2,000.0 req/s | 80% of the sustained rate, 2,500.0 req/s"), md);
        assertTrue(md.contains("| 3 | p99 latency above | 32.00 ms | 2× the sustained p99, 16.00 ms"), md);
        assertFalse(md.contains("NaN"), md);
    }
}
