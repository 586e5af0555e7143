package io.repram.orchestrate.scenario;

import io.repram.orchestrate.results.ScenarioJson;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scenario's search: block. */
class SearchBlockTest {

    private static final String ISSUE_EXAMPLE = """
            search:
              slo: {p99_ms: "<= 20", success_rate: ">= 99.9"}
              start_rate: 500        # req/s
              max_rate: 200000
              step: 10s
            """;

    @Test
    void theIssuesExampleLoadsWithTheDefaultsForWhatItLeavesOut() {
        SearchSpec s = ScenarioLoaderTest.parse(ISSUE_EXAMPLE).search();
        assertEquals(Map.of("p99_ms", "<= 20", "success_rate", ">= 99.9"), s.sloExpressions());
        assertEquals(500, s.startRate());
        assertEquals(200_000, s.maxRate());
        assertEquals(Duration.ofSeconds(10), s.step());
        assertEquals(SearchSpec.DEFAULT_WARMUP, s.warmup());
        assertEquals(5.0, s.resolutionPercent());
    }

    @Test
    void withoutTheBlockThereIsNoSearch() {
        assertNull(ScenarioLoaderTest.parse("{}\n").search());
    }

    @Test
    void resolutionAndWarmupAreRead() {
        SearchSpec s = ScenarioLoaderTest.parse(ISSUE_EXAMPLE + "  resolution: 2.5%\n  warmup: 1s\n").search();
        assertEquals(2.5, s.resolutionPercent());
        assertEquals(Duration.ofSeconds(1), s.warmup());
    }

    @Test
    void anUnknownKeyIsRejectedWithTheAllowedOnes() {
        String m = ScenarioLoaderTest.failure(ISSUE_EXAMPLE + "  stepp: 5s\n").getMessage();
        assertTrue(m.contains("test.yaml:6:3") && m.contains("unknown key 'stepp' in search") && m.contains("step"), m);
    }

    @Test
    void aMissingSloSaysWhatToWrite() {
        String m = ScenarioLoaderTest.failure("search: {start_rate: 100}\n").getMessage();
        assertTrue(m.contains("search needs an slo") && m.contains("p99_ms: \"<= 20\""), m);
    }

    @Test
    void anSloMetricASearchCannotMeasureIsRejected() {
        String m = ScenarioLoaderTest.failure("search: {slo: {lost_writes: \"<= 0\"}}\n").getMessage();
        assertTrue(m.contains("search.slo cannot use 'lost_writes'") && m.contains("p99_ms"), m);
    }

    @Test
    void anSloPointingTheWrongWayIsRejected() {
        String m = ScenarioLoaderTest.failure("search: {slo: {p99_ms: \">= 20\"}}\n").getMessage();
        assertTrue(m.contains("points the wrong way") && m.contains("write \"<= 20\""), m);
    }

    @Test
    void aStartRateAboveTheMaxIsRejected() {
        String m = ScenarioLoaderTest.failure("search: {slo: {p99_ms: \"<= 20\"}, start_rate: 5000, max_rate: 100}\n")
                .getMessage();
        assertTrue(m.contains("search.start_rate 5000 must be below search.max_rate 100"), m);
    }

    @Test
    void aResolutionOutOfRangeIsRejected() {
        String m = ScenarioLoaderTest.failure("search: {slo: {p99_ms: \"<= 20\"}, resolution: 80%}\n").getMessage();
        assertTrue(m.contains("search.resolution 80% is out of range"), m);
    }

    @Test
    void aFixedRateOrFaultsCannotBeCombinedWithASearch() {
        String m = ScenarioLoaderTest.failure(ISSUE_EXAMPLE + "workload: {rate: 100}\n"
                + "faults:\n  - {at: 1s, action: kill, node: 0}\n").getMessage();
        assertTrue(m.contains("remove workload.rate") && m.contains("faults cannot be combined with search"), m);
    }

    @Test
    void runJsonKeepsTheBlockSoAResumedRunSearchesToo() {
        Scenario s = ScenarioLoaderTest.parse(ISSUE_EXAMPLE + "  resolution: 2.5\n");
        Scenario back = ScenarioJson.fromTree(ScenarioJson.toTree(s), "run.json");
        assertEquals(s.search(), back.search());
    }
}
