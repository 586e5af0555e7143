package io.repram.orchestrate.analysis;

import io.repram.orchestrate.results.IntervalLatency;
import io.repram.orchestrate.results.IntervalLogCsv;
import io.repram.orchestrate.results.IntervalRecord;
import io.repram.orchestrate.results.ResultsException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a cell's {@code <cell>_intervals.csv} back, by header name as docs/results.md asks, into
 * {@link IntervalRecord}s with the cell-wide columns: rates, outcomes, errors by class and
 * latencies. The per-node columns are not read (no chart needs them), so {@code nodes()} is empty.
 */
public final class IntervalCsvReader {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true).get();
    private static final String ERRORS = "errors_";

    private IntervalCsvReader() {
    }

    /** The cell's intervals in file order, or none when the cell has no such file (results of older versions). */
    public static List<IntervalRecord> readCell(Path resultsDir, String cellId) {
        Path file = IntervalLogCsv.file(resultsDir, cellId);
        return Files.isRegularFile(file) ? read(file) : List.of();
    }

    public static List<IntervalRecord> read(Path file) {
        try (Reader in = Files.newBufferedReader(file);
             CSVParser csv = FORMAT.parse(in)) {
            List<String> header = csv.getHeaderNames();
            for (String needed : List.of("offset_ms", "interval_ms", "successes", "put_p50_us", "get_p99_us")) {
                if (!header.contains(needed)) {
                    throw new ResultsException(file + " is not a per-interval file: its header lacks " + needed
                            + " (expected the <cell>_intervals.csv that `run` writes, see docs/results.md)");
                }
            }
            List<String> errorColumns = header.stream().filter(h -> h.startsWith(ERRORS)).toList();
            List<IntervalRecord> out = new ArrayList<>();
            for (CSVRecord r : csv) {
                // A row cut short by a crash is skipped rather than failing the whole report.
                if (!r.isConsistent()) continue;
                Map<String, Long> errors = new HashMap<>();
                for (String c : errorColumns) {
                    long n = whole(r.get(c));
                    if (n > 0) errors.put(c.substring(ERRORS.length()), n);
                }
                long offset = whole(r.get("offset_ms"));
                out.add(new IntervalRecord(offset, whole(r.get("epoch_ms")), whole(r.get("interval_ms")), offset < 0,
                        decimal(r.get("offered_per_sec")), whole(r.get("requests")), whole(r.get("successes")),
                        whole(r.get("failures")), errors, latency(r, "put_"), latency(r, "get_"), List.of()));
            }
            return out;
        } catch (IOException | IllegalArgumentException e) {
            throw new ResultsException("cannot read " + file + ": " + e.getMessage()
                    + " (expected the <cell>_intervals.csv that `run` writes)", e);
        }
    }

    private static IntervalLatency latency(CSVRecord r, String op) {
        return new IntervalLatency(whole(r.get(op + "count")), whole(r.get(op + "p50_us")), whole(r.get(op + "p90_us")),
                whole(r.get(op + "p99_us")), whole(r.get(op + "p999_us")), whole(r.get(op + "max_us")));
    }

    private static long whole(String text) {
        return text == null || text.isBlank() ? 0 : Long.parseLong(text.trim());
    }

    private static double decimal(String text) {
        return text == null || text.isBlank() ? Double.NaN : Double.parseDouble(text.trim());
    }
}
