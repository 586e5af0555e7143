package io.repram.orchestrate.analysis;

import io.repram.orchestrate.results.AtomicFiles;
import io.repram.orchestrate.results.ResultsDir;
import io.repram.orchestrate.results.ResultsException;
import io.repram.orchestrate.results.ResultsJson;
import io.repram.orchestrate.results.RunInfo;
import io.repram.orchestrate.results.SchemaV1;
import io.repram.orchestrate.results.SummaryCsv;
import io.repram.orchestrate.results.CellResult;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every run under a test-results directory in one table: {@code consolidated.csv} has the run's
 * directory, start time and scenario, then the summary.csv columns (schema 2). Runs are read from their
 * summary.csv, so runs of older tool versions (and without run.json) are included too, their
 * schema 1 columns mapped to schema 2's.
 */
public final class Consolidation {

    public static final String FILE_NAME = "consolidated.csv";
    public static final double MIN_SUCCESS_PERCENT = 99.0;

    private static final Pattern DIR_STAMP = Pattern.compile(ResultsDir.PREFIX + "(\\d{8}_\\d{6})");
    private static final CSVFormat READ = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();

    /** One summary.csv row of one run, with its values by schema 2 column name (older rows are mapped). */
    public record Row(String runDir, String timestamp, String scenario, Map<String, String> values) {

        public double requestsPerSec() {
            return number("requests_per_sec");
        }

        public double successRate() {
            return number("success_percent");
        }

        /** Whether the row's cell ran its whole window: a skipped cell's counts cover an unknown part of it. */
        public boolean measuredInFull() {
            return !CellResult.SKIPPED.equals(values.getOrDefault("status", ""));
        }

        public String configuration() {
            return values.getOrDefault("cluster_size", "?") + " nodes × " + values.getOrDefault("concurrency", "?")
                    + " workers × " + values.getOrDefault("payload_bytes", "?") + " B";
        }

        private double number(String column) {
            try {
                return Double.parseDouble(values.getOrDefault(column, ""));
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
    }

    private Consolidation() {
    }

    /** The rows of every run directly under {@code testResults}, oldest directory name first. */
    public static List<Row> read(Path testResults) {
        if (!Files.isDirectory(testResults)) {
            throw new ResultsException(testResults + " is not a directory; give the parent of the runs, e.g. test-results/");
        }
        List<Row> rows = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(testResults)) {
            for (Path dir : dirs.filter(d -> Files.isRegularFile(d.resolve("summary.csv"))).sorted().toList()) {
                rows.addAll(readRun(dir));
            }
        } catch (IOException e) {
            throw new ResultsException("cannot list " + testResults + ": " + e.getMessage(), e);
        }
        return rows;
    }

    private static List<Row> readRun(Path dir) {
        String name = dir.getFileName().toString();
        String timestamp = "";
        String scenario = "";
        RunInfo info = runInfo(dir);
        if (info != null) {
            timestamp = String.valueOf(info.startedAt());
            scenario = info.scenario().name();
        } else {
            Matcher m = DIR_STAMP.matcher(name);
            if (m.find()) {
                timestamp = LocalDateTime.parse(m.group(1), DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss"))
                        .toInstant(ZoneOffset.UTC).toString();
            }
        }
        List<Row> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(dir.resolve("summary.csv")); CSVParser csv = READ.parse(in)) {
            for (CSVRecord r : csv) {
                rows.add(new Row(name, timestamp, scenario, SummaryCsv.asCurrent(r.toMap())));
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new ResultsException("cannot read " + dir.resolve("summary.csv") + ": " + e.getMessage()
                    + " (move the damaged run out of the directory, or re-render it with `report`)", e);
        }
        return rows;
    }

    /** run.json when present and readable; older runs have none, and their rows are still wanted. */
    private static RunInfo runInfo(Path dir) {
        Path file = dir.resolve("run.json");
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return ResultsJson.read(file, RunInfo.class, SchemaV1::upgradeRun);
        } catch (ResultsException e) {
            return null;
        }
    }

    /** Writes {@code testResults/consolidated.csv}: run_dir, timestamp, scenario, then the summary columns. */
    public static Path write(Path testResults, List<Row> rows) {
        List<String> header = new ArrayList<>(List.of("run_dir", "timestamp", "scenario"));
        header.addAll(SummaryCsv.HEADER);
        Path file = testResults.resolve(FILE_NAME);
        AtomicFiles.write(file, out -> {
            try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                    .setHeader(header.toArray(String[]::new)).setRecordSeparator("\n").get())) {
                for (Row r : rows) {
                    List<String> values = new ArrayList<>(List.of(r.runDir(), r.timestamp(), r.scenario()));
                    SummaryCsv.HEADER.forEach(column -> values.add(r.values().getOrDefault(column, "")));
                    csv.printRecord(values);
                }
            }
        });
        return file;
    }

    /** The {@code limit} highest-throughput rows with at least 99% success, skipped cells left out. */
    public static List<Row> top(List<Row> rows, int limit) {
        return rows.stream().filter(Row::measuredInFull).filter(r -> r.successRate() >= MIN_SUCCESS_PERCENT)
                .sorted(Comparator.comparingDouble(Row::requestsPerSec).reversed()).limit(limit).toList();
    }
}
