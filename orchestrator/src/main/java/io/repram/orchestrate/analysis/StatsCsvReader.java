package io.repram.orchestrate.analysis;

import io.repram.orchestrate.results.ResultsException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads container_stats.csv in both layouts: a run's (timestamp, cell_id, node_index, node_id,
 * cpu_percent, memory_bytes, ...) and the monitor command's (timestamp, node, cpu_percent,
 * memory_usage_mb, ...). The layout is told by the header.
 */
public final class StatsCsvReader {

    public static final String FILE_NAME = "container_stats.csv";

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true).get();

    private StatsCsvReader() {
    }

    /** The samples of {@code dir}/container_stats.csv, or none when the directory has no such file. */
    public static List<StatsSample> readDir(Path dir) {
        Path file = dir.resolve(FILE_NAME);
        return Files.isRegularFile(file) ? read(file) : List.of();
    }

    public static List<StatsSample> read(Path file) {
        try (Reader in = Files.newBufferedReader(file);
             CSVParser csv = FORMAT.parse(in)) {
            Set<String> header = Set.copyOf(csv.getHeaderNames());
            boolean runLayout = header.contains("memory_bytes");
            if (!header.contains("timestamp") || !header.contains("cpu_percent")
                    || !(runLayout || header.contains("memory_usage_mb"))) {
                throw new ResultsException(file + " is not a container stats file: its header " + csv.getHeaderNames()
                        + " lacks timestamp, cpu_percent and memory_bytes or memory_usage_mb");
            }
            List<StatsSample> samples = new ArrayList<>();
            for (CSVRecord r : csv) {
                // A crash can cut the last line short; skip it rather than lose the whole file.
                if (!r.isConsistent()) {
                    continue;
                }
                samples.add(runLayout
                        ? new StatsSample(instant(r.get("timestamp")), r.get("cell_id"), r.get("node_id"),
                        number(r.get("cpu_percent")), number(r.get("memory_bytes")) / (1024.0 * 1024.0))
                        : new StatsSample(instant(r.get("timestamp")), null, r.get("node"),
                        number(r.get("cpu_percent")), number(r.get("memory_usage_mb"))));
            }
            return samples;
        } catch (IOException | IllegalArgumentException | DateTimeParseException e) {
            throw new ResultsException("cannot read " + file + ": " + e.getMessage()
                    + " (expected the CSV written by `run` or `monitor`)", e);
        }
    }

    /** ISO-8601 instants as written by `run`; also local date-times (taken as UTC) and epoch seconds/millis. */
    static Instant instant(String text) {
        String t = text.trim();
        if (t.matches("\\d+(\\.\\d+)?")) {
            double n = Double.parseDouble(t);
            // Epoch seconds are below 1e11 until the year 5138; anything larger is milliseconds.
            return n < 1e11 ? Instant.ofEpochMilli(Math.round(n * 1000)) : Instant.ofEpochMilli(Math.round(n));
        }
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException notAnInstant) {
            return LocalDateTime.parse(t.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        }
    }

    private static double number(String text) {
        return text.isBlank() ? 0 : Double.parseDouble(text.trim());
    }
}
