package io.repram.orchestrate.results;

import io.repram.orchestrate.scenario.Cell;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** The layout of one run's results directory, {@code test-results/scale_test_YYYYMMDD_HHMMSS/}. */
public final class ResultsDir {

    public static final String PREFIX = "scale_test_";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");

    private final Path path;

    private ResultsDir(Path path) {
        this.path = path;
    }

    /** Creates {@code parent/scale_test_<now>/}; a second run in the same second gets a "_2" suffix. */
    public static ResultsDir create(Path parent, LocalDateTime now) {
        String base = PREFIX + STAMP.format(now);
        try {
            Files.createDirectories(parent);
            for (int attempt = 1; ; attempt++) {
                Path dir = parent.resolve(attempt == 1 ? base : base + "_" + attempt);
                try {
                    return new ResultsDir(Files.createDirectory(dir));
                } catch (FileAlreadyExistsException taken) {
                    // Another run started in the same second; try the next suffix.
                }
            }
        } catch (IOException e) {
            throw new ResultsException("cannot create a results directory under " + parent + ": " + e.getMessage()
                    + " (check that it is writable)", e);
        }
    }

    public static ResultsDir create(Path parent) {
        return create(parent, LocalDateTime.now());
    }

    /** Opens an existing results directory, e.g. for --resume or to re-render its report. */
    public static ResultsDir open(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new ResultsException(dir + " is not a results directory; give one like test-results/"
                    + PREFIX + "20250101_120000");
        }
        if (!Files.isRegularFile(dir.resolve("run.json"))) {
            throw new ResultsException(dir + " has no run.json, so it is not a results directory of this tool "
                    + "(or its run crashed before the first write)");
        }
        return new ResultsDir(dir);
    }

    public Path path() {
        return path;
    }

    public Path runJson() {
        return path.resolve("run.json");
    }

    public Path summaryCsv() {
        return path.resolve("summary.csv");
    }

    public Path containerStatsCsv() {
        return path.resolve("container_stats.csv");
    }

    public Path cellJson(Cell cell) {
        return path.resolve(cell.id() + ".json");
    }

    public Path clusterMetrics(int clusterSize) {
        return path.resolve("cluster_" + clusterSize + "_metrics.txt");
    }

    /** Where the nodes of every {@code clusterSize}-node cluster keep their logs, {@code logs/<N>nodes/}. */
    public Path nodeLogDir(int clusterSize) {
        return path.resolve("logs").resolve(clusterSize + "nodes");
    }

    public Path reportMd() {
        return path.resolve("report.md");
    }

    public Path reportHtml() {
        return path.resolve("report.html");
    }

    public Path reportXml() {
        return path.resolve("report.xml");
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
