package io.repram.orchestrate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.HistogramLogReader;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `run` with the process driver writes the per-interval files, and `--out ndjson=` streams as it goes. */
class IntervalOutputsTest {
    private static final String CELL = "3nodes_4conc_512bytes";
    private static final int MEASURED_SECONDS = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path results;

    private final Captured console = new Captured();

    static String fixture(String name) throws URISyntaxException {
        return Path.of(IntervalOutputsTest.class.getResource("/cli/" + name).toURI()).toString();
    }

    @Test
    void aProcessRunWritesOneRowPerMeasuredSecondAndStreamsLinesWhileItRuns() throws Exception {
        Path stream = results.resolve("live/intervals.ndjson");
        AtomicInteger code = new AtomicInteger(-1);
        Thread run = new Thread(() -> code.set(console.run(new RunCommand(), fixture0(), "--driver", "process", "--ci",
                "--duration", MEASURED_SECONDS + "s", "--results-dir", results.resolve("out").toString(),
                "--out", "ndjson=" + stream)), "interval-run");
        run.start();
        // While the run goes, the stream already holds whole, parseable lines.
        int seenWhileRunning = 0;
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (run.isAlive() && System.nanoTime() < deadline && seenWhileRunning == 0) {
            List<JsonNode> lines = Files.exists(stream) ? parse(Files.readString(stream)) : List.of();
            if (run.isAlive()) seenWhileRunning = lines.size();
            Thread.sleep(50);
        }
        run.join(120_000);
        assertEquals(ExitCodes.OK, code.get(), console.toString());
        assertTrue(seenWhileRunning > 0, "no complete ndjson line was readable before the run ended");

        List<JsonNode> lines = parse(Files.readString(stream));
        List<JsonNode> measured = lines.stream().filter(l -> !l.path("warmup").asBoolean()).toList();
        assertTrue(lines.size() > measured.size(), "the warm-up is streamed too, flagged");
        for (JsonNode l : lines) {
            assertEquals(CELL, l.path("cell").asText());
            assertEquals(3, l.path("cluster_size").asInt());
            assertEquals(3, l.path("nodes").size(), l.toString());
            assertTrue(l.path("put").has("p999_us") && l.has("achieved_per_sec"), l.toString());
        }

        Path dir;
        try (Stream<Path> dirs = Files.list(results.resolve("out"))) {
            dir = dirs.findFirst().orElseThrow();
        }
        List<CSVRecord> rows;
        try (Reader in = Files.newBufferedReader(dir.resolve(CELL + "_intervals.csv"));
             CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            rows = csv.getRecords();
        }
        // One row per measured second; the generator's last cut may add a sliver of a second.
        assertTrue(rows.size() >= MEASURED_SECONDS && rows.size() <= MEASURED_SECONDS + 1, rows.size() + " rows");
        assertEquals(measured.size(), rows.size(), "the stream's measured lines are the file's rows");
        long csvRequests = 0;
        long csvLatencies = 0;
        for (int i = 0; i < rows.size(); i++) {
            CSVRecord r = rows.get(i);
            csvRequests += Long.parseLong(r.get("requests"));
            csvLatencies += Long.parseLong(r.get("put_count")) + Long.parseLong(r.get("get_count"));
            assertEquals(measured.get(i).path("requests").asLong(), Long.parseLong(r.get("requests")));
            assertTrue(!r.get("node0_up").isEmpty() && !r.get("node2_successes").isEmpty(), r.toString());
        }
        assertTrue(csvRequests > 0);

        long hlogCount = 0;
        int hlogIntervals = 0;
        HistogramLogReader reader = new HistogramLogReader(dir.resolve(CELL + ".hlog").toFile());
        while (reader.hasNext()) {
            EncodableHistogram h = reader.nextIntervalHistogram();
            if (h == null) break;
            hlogCount += ((org.HdrHistogram.Histogram) h).getTotalCount();
            hlogIntervals++;
        }
        reader.close();
        assertEquals(2 * rows.size(), hlogIntervals, "a PUT and a GET histogram per row");
        assertEquals(csvLatencies, hlogCount);
    }

    @Test
    void anUnknownOutKindIsBadInputAndNamesTheAllowedOnes() {
        int code = console.run(new RunCommand(), "--out", "xml=intervals.xml", "--results-dir", results.toString());
        assertEquals(ExitCodes.BAD_INPUT, code, console.toString());
        assertTrue(console.err().contains("allowed: ndjson"), console.err());
        console.reset();
        assertEquals(ExitCodes.BAD_INPUT, new Captured().run(new LoadCommand(), "--url", "http://127.0.0.1:1",
                "--out", "csv=x.csv"));
    }

    static String fixture0() {
        try {
            return fixture("tiny-process.yaml");
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The complete lines of a stream; a line still being written (no newline yet) is not one. */
    private static List<JsonNode> parse(String text) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        int end = text.lastIndexOf('\n');
        if (end < 0) return out;
        for (String line : text.substring(0, end).split("\n")) out.add(JSON.readTree(line));
        return out;
    }
}
