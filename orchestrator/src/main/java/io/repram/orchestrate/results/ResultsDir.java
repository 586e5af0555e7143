package io.repram.orchestrate.results;

import io.repram.orchestrate.scenario.Cell;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
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
            throw unusable(parent, e);
        }
    }

    /**
     * Fails, without creating anything, when no results directory could be created under
     * {@code parent}: its nearest existing ancestor is a file, or is not writable.
     */
    public static void checkParent(Path parent) {
        Path existing = nearestExisting(parent);
        if (existing != null && (!Files.isDirectory(existing) || !Files.isWritable(existing))) {
            throw unusable(parent, null);
        }
    }

    /** Says in words what is wrong with {@code parent}, whatever the I/O exception's type. */
    private static ResultsException unusable(Path parent, IOException cause) {
        Path existing = nearestExisting(parent);
        String why;
        if (existing != null && !Files.isDirectory(existing)) {
            why = existing + " is a file, not a directory";
        } else if (existing != null && !Files.isWritable(existing)) {
            why = existing + " is not writable by this user";
        } else if (cause instanceof FileSystemException f && f.getReason() != null) {
            why = f.getReason().toLowerCase(java.util.Locale.ROOT);
        } else {
            why = cause == null ? "unknown reason" : String.valueOf(cause.getMessage());
        }
        return new ResultsException("cannot create a results directory under " + parent + ": " + why
                + ". Fix: give --results-dir a writable directory (it is created when missing)", cause);
    }

    private static Path nearestExisting(Path dir) {
        for (Path p = dir.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p)) return p;
        }
        return null;
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
