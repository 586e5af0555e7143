package io.repram.orchestrate.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * {@code run.log} in the results directory: what the terminal would have shown while the dashboard
 * covered it (engine progress, warnings, library logs) plus the dashboard's events, one timestamped
 * line each. Appends, so a resumed run keeps the earlier run's lines. Never throws: a log that
 * cannot be written must not stop a run.
 */
final class RunLog implements AutoCloseable {

    static final String FILE_NAME = "run.log";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private BufferedWriter writer;

    RunLog(Path dir) {
        try {
            writer = Files.newBufferedWriter(dir.resolve(FILE_NAME), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            writer = null;
        }
    }

    synchronized void line(String text) {
        if (writer == null) return;
        try {
            writer.write(LocalDateTime.now().format(STAMP) + " " + text);
            writer.newLine();
            // Flushed per line: the log matters most when the run dies.
            writer.flush();
        } catch (IOException e) {
            writer = null;
        }
    }

    @Override
    public synchronized void close() {
        if (writer == null) return;
        try {
            writer.close();
        } catch (IOException ignored) {
            // Every line was flushed already.
        }
        writer = null;
    }
}
