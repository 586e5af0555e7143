package io.repram.orchestrate.scenario;

import io.repram.orchestrate.gate.ThresholdEvaluator;
import io.repram.orchestrate.scenario.Measurement;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every file in scenarios/ loads, without warnings, and has the shape the issue asks for. */
class ShippedScenariosTest {

    static Path scenarios() {
        return Path.of(System.getProperty("repram.repo.root", "..")).resolve("scenarios");
    }

    static Scenario load(String name) {
        List<String> warnings = new ArrayList<>();
        Scenario s = ScenarioLoader.load(scenarios().resolve(name), warnings::add);
        assertEquals(List.of(), warnings, name);
        return s;
    }

    @Test
    void everyShippedScenarioLoads() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(scenarios())) {
            files = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(files.size() >= 4, "quick, full, stress, smoke: " + files);
        for (Path f : files) {
            Scenario s = load(f.getFileName().toString());
            assertEquals(f.getFileName().toString().replace(".yaml", ""), s.name());
        }
    }

    @Test
    void shapesMatchTheIssue() {
        Scenario quick = load("quick.yaml");
        assertEquals(new Matrix(List.of(3), List.of(25), List.of(1024)), quick.matrix());
        assertEquals(Duration.ofSeconds(60), quick.duration());
        assertEquals(Duration.ofSeconds(90), quick.warmup(), "the longest warm-up");
        assertTrue(quick.measurement().warmupUntilStable(), "shipped scenarios warm up until stable");
        assertTrue(load("full.yaml").measurement().warmupUntilStable());
        assertTrue(load("smoke.yaml").measurement().warmupUntilStable());
        assertEquals(Duration.ofSeconds(10), load("smoke.yaml").warmup(), "CI time: smoke warms up 10 s at most");
        Scenario adaptive = load("full-adaptive.yaml");
        assertEquals(load("full.yaml").matrix(), adaptive.matrix());
        assertEquals(new Measurement(1, false, Duration.ofSeconds(10), 3.0, true), adaptive.measurement());
        assertEquals(Duration.ofSeconds(60), adaptive.duration(), "the longest window");

        Scenario full = load("full.yaml");
        assertEquals(48, RunPlan.of(full).totalCells());
        assertEquals(new Cooldown(Duration.ofSeconds(10), Duration.ofSeconds(30)), full.cooldown());

        assertEquals(new Matrix(List.of(3), List.of(50), List.of(65536, 262144, 1048576)),
                load("stress.yaml").matrix());

        Scenario smoke = load("smoke.yaml");
        assertEquals(List.of(1, 3), smoke.matrix().clusterSizes());
        assertEquals(Duration.ofSeconds(5), smoke.duration());
        assertEquals(Duration.ofSeconds(10), smoke.warmup());
        assertEquals(new Cooldown(Duration.ofSeconds(1), Duration.ofSeconds(2)), smoke.cooldown());
        assertEquals(">= 99", smoke.thresholds().get("success_rate"));
        assertEquals(5, ThresholdEvaluator.forScenario(smoke).thresholds().size());
        assertTrue(smoke.thresholds().keySet().containsAll(List.of("success_rate", "lost_writes", "corrupt_reads")), smoke.thresholds().toString());
        assertEquals(Map.of(), load("quick.yaml").thresholds());
    }

    /** Issue 18 part 5: the 1 MB cell's live set is over a gigabyte per node, and lives through the cell. */
    @Test
    void stressHoldsMoreThanAGigabytePerNode() {
        Scenario stress = load("stress.yaml");
        long largest = stress.matrix().payloadBytes().stream().mapToLong(Integer::longValue).max().orElseThrow();
        long liveBytes = stress.workload().keySpace() * largest;
        assertTrue(liveBytes > 1L << 30, "live set " + liveBytes + " bytes per node");
        assertTrue(stress.node().memoryBytes() != null && stress.node().memoryBytes() >= 2 * liveBytes,
                "node.memory leaves the heap room beside the live set: " + stress.node().memoryBytes());
        Duration cell = stress.warmup().plus(stress.duration());
        assertTrue(Duration.ofSeconds(stress.workload().ttlSeconds()).compareTo(cell.multipliedBy(3)) > 0,
                "values outlive the cells that write them: ttl " + stress.workload().ttlSeconds() + " s");
    }
}
