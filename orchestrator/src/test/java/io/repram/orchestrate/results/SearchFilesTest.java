package io.repram.orchestrate.results;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** search.json and search.csv against golden files; docs/results.md names every field. */
class SearchFilesTest {

    @TempDir
    Path tmp;

    static SearchResult search() {
        Map<String, String> slo = Map.of("p99_ms", "<= 20");
        List<SearchProbe> probes = List.of(
                new SearchProbe(1, SearchProbe.RAMP, 500, 499.8, 900, 3_100, 100, true, null,
                        "met the SLO: p99 3.1 ms, success 100%, achieved 500 req/s", null),
                new SearchProbe(2, SearchProbe.RAMP, 1000, 912.5, 40_000, 250_000, 99.5, false, SearchProbe.LATENCY,
                        "p99 250 ms breaks <= 20 ms", "host_cpu"),
                new SearchProbe(3, SearchProbe.CONFIRM, 500, 500.1, 950, 3_300, 100, true, null,
                        "met the SLO: p99 3.3 ms, success 100%, achieved 500 req/s", null));
        return new SearchResult(1, 64, 1024, slo, 500, false, true, SearchResult.LATENCY,
                "1 node, 1024 B: 500 req/s sustained within p99_ms <= 20.", true, 1_735_787_045_000L,
                1_735_787_075_000L, probes);
    }

    @Test
    void theFilesMatchTheGoldenOnesAndReadBack() throws Exception {
        SearchFiles.write(tmp, List.of(search()));
        Path fixtures = ResultsSchemaTest.FIXTURES;
        String json = Files.readString(tmp.resolve(SearchFiles.JSON));
        String csv = Files.readString(tmp.resolve(SearchFiles.CSV));
        // For review: the text to compare with (and, after checking it, to copy over) the golden files.
        Files.writeString(Path.of("target/golden-search.actual.json"), json);
        Files.writeString(Path.of("target/golden-search.actual.csv"), csv);
        assertEquals(Files.readString(fixtures.resolve("golden-search.json")), json);
        assertEquals(Files.readString(fixtures.resolve("golden-search.csv")), csv);
        assertEquals(List.of(search()), SearchFiles.read(tmp));
    }

    @Test
    void aDirectoryWithoutASearchHasNone() {
        assertEquals(List.of(), SearchFiles.read(tmp));
    }

    @Test
    void docsResultsMdNamesEveryField() throws Exception {
        String docs = Files.readString(Path.of(System.getProperty("repram.repo.root", ".."), "docs", "results.md"));
        Set<String> names = new TreeSet<>(SearchFiles.HEADER);
        collect(ResultsJson.mapper().readTree(ResultsJson.write(new SearchFiles.Document(List.of(search())))), names);
        names.remove("p99_ms"); // an SLO metric, a value of the slo map
        List<String> missing = names.stream().filter(n -> !docs.contains("`" + n + "`")).toList();
        assertEquals(List.of(), missing, "fields without a word in docs/results.md");
        assertTrue(docs.contains("search.json"));
    }

    private static void collect(JsonNode node, Set<String> out) {
        if (node.isArray()) node.forEach(n -> collect(n, out));
        else if (node.isObject()) node.fields().forEachRemaining(e -> {
            out.add(e.getKey());
            collect(e.getValue(), out);
        });
    }
}
