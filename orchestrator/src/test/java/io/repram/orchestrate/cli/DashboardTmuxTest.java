package io.repram.orchestrate.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Drives the packaged {@code run} with the process driver inside a tmux pseudo-terminal, as a
 * person would watch it, and checks every stable frame: header on the first line, key hints on
 * the last, no engine progress line outside the Events box, and figures that change.
 */
@Tag("tmux")
class DashboardTmuxTest {

    private static final long RUN_DEADLINE_MILLIS = 60_000;

    @TempDir
    Path tmp;

    @Test
    void aTwoSizeRunKeepsEveryFrameIntactAlsoAfterAResize() throws Exception {
        Path jar = Path.of(System.getProperty("repram.repo.root", ".."), "orchestrator/target/repram-orchestrate.jar");
        boolean ci = System.getenv("CI") != null;
        Assumptions.assumeTrue(ci || tmuxAvailable(), "tmux is not installed (CI installs it)");
        Assumptions.assumeTrue(ci || Files.isRegularFile(jar), "needs the packaged jar: mvn -DskipTests package first");
        Path scenario = Path.of("src/test/resources/dashboard/two-sizes.yaml").toAbsolutePath();
        Path results = tmp.resolve("results");
        Path nodeJar = Path.of(System.getProperty("repram.node.jar"));
        Tmux tmux = new Tmux(tmp.resolve("tmux.sock"));
        String command = "java -jar " + jar.toAbsolutePath() + " run " + scenario + " --driver process --node-jar "
                + nodeJar.toAbsolutePath() + " --results-dir " + results + "; echo EXITED $?; sleep 60";
        tmux.start(80, 24, command);
        try {
            List<String> frames = new ArrayList<>();
            List<String> resizedFrames = new ArrayList<>();
            long deadline = System.currentTimeMillis() + RUN_DEADLINE_MILLIS;
            boolean resized = false;
            String screen = "";
            while (System.currentTimeMillis() < deadline && !screen.contains("EXITED")) {
                screen = tmux.stableCapture();
                if (screen.contains("EXITED") || !screen.contains("Elapsed")) {
                    TimeUnit.MILLISECONDS.sleep(250);
                    continue;
                }
                boolean secondSize = screen.contains("Scenario 2/2");
                if (secondSize && !resized) {
                    tmux.resize(120, 40);
                    resized = true;
                    awaitRedrawAt(tmux, 40);
                    continue;
                }
                (resized ? resizedFrames : frames).add(screen);
                TimeUnit.MILLISECONDS.sleep(1000);
            }
            assertTrue(screen.contains("EXITED 0"), "the run ends with exit 0:\n" + screen);
            assertTrue(frames.size() >= 3, "frames at 80x24: " + frames.size());
            assertTrue(resizedFrames.size() >= 2, "frames at 120x40: " + resizedFrames.size());
            frames.forEach(f -> assertClean(f, 80, 24));
            resizedFrames.forEach(f -> assertClean(f, 120, 40));
            assertTrue(frames.stream().distinct().count() > 1, "the figures change between frames");
            assertTrue(resizedFrames.stream().distinct().count() > 1, "the figures change after the resize");
            Path log = onlyRunDir(results).resolve(RunLog.FILE_NAME);
            assertTrue(Files.readString(log).contains("Scenario 2/2"), "run.log has the events");
            System.out.println("80x24 frame:\n" + frames.get(frames.size() / 2));
            System.out.println("120x40 frame:\n" + resizedFrames.get(resizedFrames.size() / 2));
        } finally {
            tmux.kill();
        }
    }

    /** The dashboard redraws at the new size within a few frames of the resize. */
    private static void awaitRedrawAt(Tmux tmux, int rows) throws Exception {
        long deadline = System.currentTimeMillis() + 5_000;
        while (System.currentTimeMillis() < deadline) {
            List<String> lines = tmux.stableCapture().lines().toList();
            if (lines.size() == rows && lines.get(rows - 1).startsWith(" q quit")) return;
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new AssertionError("no redraw at " + rows + " rows within 5 s:\n" + tmux.stableCapture());
    }

    private static void assertClean(String frame, int columns, int rows) {
        List<String> lines = frame.lines().toList();
        assertEquals(rows, lines.size(), "one line per row:\n" + frame);
        assertTrue(lines.get(0).contains("Elapsed") && lines.get(0).contains("ETA"), "header on top:\n" + frame);
        assertTrue(lines.get(rows - 1).startsWith(" q quit"), "key hints at the bottom:\n" + frame);
        assertTrue(lines.get(1).contains("of matrix"), "progress bar on the second line:\n" + frame);
        assertEquals(1, lines.stream().filter(l -> l.contains("Node ") && l.contains("Status")).count(),
                "one node table header:\n" + frame);
        int eventsTop = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            assertTrue(line.length() <= columns, "line " + i + " fits the width:\n" + frame);
            if (line.startsWith("┌─ Events")) eventsTop = i;
            boolean inEvents = eventsTop >= 0 && i > eventsTop && line.startsWith("│");
            if (line.contains("healthy on") || line.contains("Results:") || line.contains("Plan:")) {
                assertTrue(inEvents, "stray text on line " + i + ":\n" + frame);
            }
            if (i > 2 && i < rows - 1) {
                assertTrue(line.startsWith("┌") || line.startsWith("│") || line.startsWith("└"),
                        "line " + i + " belongs to a box:\n" + frame);
            }
        }
    }

    private static Path onlyRunDir(Path results) throws IOException {
        try (Stream<Path> dirs = Files.list(results)) {
            return dirs.findFirst().orElseThrow();
        }
    }

    private static boolean tmuxAvailable() {
        try {
            return new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** A tmux server of this test's own (its own socket), so nothing else's sessions are touched. */
    private record Tmux(Path socket) {
        void start(int columns, int rows, String command) throws Exception {
            run("new-session", "-d", "-s", "dash", "-x", String.valueOf(columns), "-y", String.valueOf(rows), command);
        }

        void resize(int columns, int rows) throws Exception {
            run("resize-window", "-t", "dash", "-x", String.valueOf(columns), "-y", String.valueOf(rows));
        }

        /** Two equal captures in a row: a frame caught while tmux still parses a redraw is not what anyone sees. */
        String stableCapture() throws Exception {
            String previous = run("capture-pane", "-p", "-t", "dash");
            for (int i = 0; i < 20; i++) {
                TimeUnit.MILLISECONDS.sleep(60);
                String current = run("capture-pane", "-p", "-t", "dash");
                if (current.equals(previous)) return current;
                previous = current;
            }
            return previous;
        }

        void kill() throws Exception {
            run("kill-server");
        }

        private String run(String... args) throws Exception {
            List<String> command = new ArrayList<>(List.of("tmux", "-S", socket.toString()));
            command.addAll(List.of(args));
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            // CI=true turns the dashboard off (CI mode): the run inside the pseudo-terminal is a person's.
            pb.environment().remove("CI");
            Process p = pb.start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(10, TimeUnit.SECONDS);
            return output;
        }
    }
}
