package io.repram.orchestrate.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every captured dashboard frame must look like, for `run` and for `monitor`. */
final class DashboardFrames {
    private DashboardFrames() {
    }

    /**
     * Header on top, {@code footer} (the key hints) at the bottom, {@code progress} on the second
     * line, one node table, every line of the body inside a box, and none of {@code strayText}
     * outside the Events box.
     */
    static void assertClean(String frame, int columns, int rows, String footer, String progress, List<String> strayText) {
        List<String> lines = frame.lines().toList();
        assertEquals(rows, lines.size(), "one line per row:\n" + frame);
        assertTrue(lines.get(0).contains("Elapsed") && lines.get(0).contains("ETA"), "header on top:\n" + frame);
        assertTrue(lines.get(rows - 1).startsWith(footer), "key hints at the bottom:\n" + frame);
        assertTrue(lines.get(1).contains(progress), "progress bar on the second line:\n" + frame);
        assertEquals(1, lines.stream().filter(l -> l.contains("Node ") && l.contains("Status")).count(),
                "one node table header:\n" + frame);
        int eventsTop = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            assertTrue(line.length() <= columns, "line " + i + " fits the width:\n" + frame);
            if (line.startsWith("┌─ Events")) eventsTop = i;
            boolean inEvents = eventsTop >= 0 && i > eventsTop && line.startsWith("│");
            for (String stray : strayText) {
                if (line.contains(stray)) assertTrue(inEvents, "stray text on line " + i + ":\n" + frame);
            }
            if (i > 2 && i < rows - 1) {
                assertTrue(line.startsWith("┌") || line.startsWith("│") || line.startsWith("└"),
                        "line " + i + " belongs to a box:\n" + frame);
            }
        }
    }

    /** Keeps a frame under target/dashboard-frames, to look at (and to copy into the docs). */
    static void save(String name, String frame) throws IOException {
        Path dir = Path.of("target", "dashboard-frames");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name + ".txt"), frame);
    }
}
