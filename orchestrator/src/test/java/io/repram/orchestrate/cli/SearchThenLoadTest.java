package io.repram.orchestrate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.repram.orchestrate.engine.ClusterSpec;
import io.repram.orchestrate.engine.NodeJarLocation;
import io.repram.orchestrate.engine.RunningCluster;
import io.repram.orchestrate.engine.process.ProcessEngine;
import io.repram.orchestrate.results.SearchProbe;
import io.repram.orchestrate.results.SearchFiles;
import io.repram.orchestrate.results.SearchResult;
import io.repram.orchestrate.run.RateSearch;
import io.repram.orchestrate.scenario.Scenario;
import io.repram.orchestrate.scenario.ScenarioLoader;
import io.repram.orchestrate.scenario.SearchSpec;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The search finds a known capacity and its answer holds up outside the search: one node (process
 * driver) limited by REPRAM_RATE_LIMIT to 2,000 req/s; the search finds R from 0.9 to 1.4 times that
 * (the limiter's burst lets a probe just above it pass); `load --rate R` against a fresh node with the same limit, warmed by the same doubling ramp,
 * meets the same SLO, and `load --rate 3R` does not.
 */
@Tag("process-driver")
class SearchThenLoadTest {

    @TempDir
    Path tmp;

    private final Captured console = new Captured();

    @Test
    void theFoundRateMeetsTheSloWhenReMeasuredAndThreeTimesItDoesNot() throws Exception {
        Path scenario = Path.of(getClass().getResource("/search/one-node.yaml").toURI());
        Scenario loaded = ScenarioLoader.load(scenario, w -> { });
        SearchSpec spec = loaded.search();
        Map<String, String> nodeEnv = loaded.node().env();
        int limit = Integer.parseInt(nodeEnv.get("REPRAM_RATE_LIMIT"));
        Path results = tmp.resolve("results");
        assertEquals(ExitCodes.OK, console.run(new RunCommand(), scenario.toString(), "--driver", "process", "--ci",
                "--results-dir", results.toString()), console.toString());
        Path dir;
        try (Stream<Path> dirs = Files.list(results)) {
            dir = dirs.findFirst().orElseThrow();
        }
        List<SearchResult> searches = SearchFiles.read(dir);
        assertEquals(1, searches.size());
        SearchResult search = searches.get(0);
        assertTrue(search.finished(), search.summary());
        assertNotNull(search.maxSustainableRps(), search.summary());
        int found = search.maxSustainableRps();
        // Below the limit every probe passes; above it the bucket (2 s of the limit) drains within a
        // probe's 5 s (2 s warm-up, 3 s step) only from 1.4 x on, so a probe just above the limit may pass.
        assertTrue(found >= 0.9 * limit && found <= 1.4 * limit, "the node's limit is " + limit + ": " + search.summary());
        assertTrue(Files.readString(dir.resolve("report.md")).contains("## Highest rate within the SLO"));
        assertTrue(Files.isRegularFile(dir.resolve("charts/search_latency_vs_throughput.png")));
        assertEquals(search.probes().size() + 1, Files.readAllLines(dir.resolve("search.csv")).size());
        System.out.println(search.summary());

        try (ProcessEngine engine = new ProcessEngine(NodeJarLocation.defaultPath());
             RunningCluster node = engine.start(new ClusterSpec("search-test", "search-test", 1, "repram-node:latest",
                     nodeEnv, null, null, 0, Duration.ofSeconds(60)))) {
            String url = node.cluster().nodes().get(0).baseUri().toString();
            // The search measured R on a node its lower probes had warmed (JIT); a fresh JVM needs the same
            // ramp: a cold node fell to 485 of 5,600 req/s after 5 s at half the rate.
            for (int rate = spec.startRate(); rate < found; rate *= 2) load(spec, url, rate);
            SearchProbe atR = load(spec, url, found);
            assertTrue(atR.passed(), "re-measured at the found " + found + " req/s: " + atR.why() + "\n" + search.summary());
            SearchProbe above = load(spec, url, 3 * found);
            assertFalse(above.passed(), "3 × " + found + " req/s should break the SLO or fall short: " + above.why());
        }
    }

    /** `load --rate` for the search's warm-up and step, judged as the search judges a probe. */
    private SearchProbe load(SearchSpec spec, String url, int rate) throws Exception {
        Path json = tmp.resolve("load-" + rate + ".json");
        console.reset();
        assertEquals(ExitCodes.OK, console.run(new LoadCommand(), "--url", url, "--rate", Integer.toString(rate),
                "-c", "128", "--warmup", spec.warmup().toSeconds() + "s", "-d", spec.step().toSeconds() + "s",
                "--key-space", "2000", "--json", json.toString()), console.toString());
        JsonNode r = new ObjectMapper().readTree(json.toFile());
        JsonNode latency = r.get("latency");
        return RateSearch.judge(spec, 1, SearchProbe.CONFIRM, rate, new RateSearch.Measured(
                r.get("requests_per_sec").asDouble(), latency.get("p50_us").asLong(), latency.get("p90_us").asLong(),
                latency.get("p99_us").asLong(), latency.get("p999_us").asLong(), r.get("success_percent").asDouble(), null));
    }
}
