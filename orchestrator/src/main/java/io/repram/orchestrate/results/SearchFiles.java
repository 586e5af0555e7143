package io.repram.orchestrate.results;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code search.json} (every search with its probes) and {@code search.csv} (one row per probe),
 * rewritten atomically after every probe so that a crash keeps every finished probe.
 */
public final class SearchFiles {

    public static final String JSON = "search.json";
    public static final String CSV = "search.csv";

    public static final List<String> HEADER = List.of("cluster_size", "concurrency", "payload_bytes", "probe", "phase",
            "offered_rps", "achieved_rps", "p50_latency_us", "p99_latency_us", "success_percent", "passed",
            "failed_on", "limited_by", "why", ResultsJson.SCHEMA_VERSION_KEY);

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader(HEADER.toArray(String[]::new))
            .setRecordSeparator("\n").get();

    /** The body of search.json. */
    public record Document(List<SearchResult> searches) {
        public Document {
            searches = List.copyOf(searches);
        }
    }

    private SearchFiles() {
    }

    public static void write(Path dir, List<SearchResult> searches) {
        AtomicFiles.write(dir.resolve(JSON), ResultsJson.write(new Document(searches)) + "\n");
        AtomicFiles.write(dir.resolve(CSV), out -> {
            try (CSVPrinter csv = new CSVPrinter(out, FORMAT)) {
                for (SearchResult s : searches) {
                    for (SearchProbe p : s.probes()) {
                        csv.printRecord(s.clusterSize(), s.concurrency(), s.payloadBytes(), p.number(), p.phase(),
                                p.offeredRps(), String.format(java.util.Locale.ROOT, "%.3f", p.achievedRps()),
                                p.p50Micros(), p.p99Micros(),
                                String.format(java.util.Locale.ROOT, "%.3f", p.successPercent()), p.passed(),
                                p.failedOn() == null ? "" : p.failedOn(), p.limitedBy() == null ? "" : p.limitedBy(),
                                p.why(), ResultsJson.SCHEMA_VERSION);
                    }
                }
            }
        });
    }

    /** The searches of a results directory; empty when it ran no search. */
    public static List<SearchResult> read(Path dir) {
        Path file = dir.resolve(JSON);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        return new ArrayList<>(ResultsJson.read(file, Document.class, root -> root).searches());
    }
}
