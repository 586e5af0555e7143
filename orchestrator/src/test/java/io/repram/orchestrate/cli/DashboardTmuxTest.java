package io.repram.orchestrate.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Drives the packaged {@code run} with the process driver inside a tmux pseudo-terminal, as a
 * person would watch it, and checks every stable frame: header on the first line, key hints on
 * the last, no engine progress line outside the Events box, and figures that change; also after
 * the terminal grows from 80x24 to 120x40 and shrinks back to 100x30 mid-run.
 */
@Tag("tmux")
class DashboardTmuxTest {

    private static final long RUN_DEADLINE_MILLIS = 240_000;
    private static final String KEYS = " q quit";
    private static final List<String> STRAY = List.of("healthy on", "Results:", "Plan:");
    /** The terminal sizes in order: the start, after the first resize, after the second. */
    private static final int[][] SIZES = {{80, 24}, {120, 40}, {100, 30}};
    private static final int[] MIN_FRAMES = {3, 2, 2};

    @TempDir
    Path tmp;

    @Test
    void aTwoSizeRunKeepsEveryFrameIntactAlsoAfterResizes() throws Exception {
        Path jar = Path.of(System.getProperty("repram.repo.root", ".."), "orchestrator/target/repram-orchestrate.jar");
        boolean ci = System.getenv("CI") != null;
        Assumptions.assumeTrue(ci || TmuxSession.available(), "tmux is not installed (CI installs it)");
        Assumptions.assumeTrue(ci || Files.isRegularFile(jar), "needs the packaged jar: mvn -DskipTests package first");
        Path scenario = Path.of("src/test/resources/dashboard/two-sizes.yaml").toAbsolutePath();
        Path results = tmp.resolve("results");
        Path nodeJar = Path.of(System.getProperty("repram.node.jar"));
        TmuxSession tmux = new TmuxSession(tmp.resolve("tmux.sock"));
        String command = TmuxSession.cli(jar) + " run " + scenario + " --driver process --node-jar "
                + nodeJar.toAbsolutePath() + " --results-dir " + results + "; echo EXITED $?; sleep 60";
        tmux.start(SIZES[0][0], SIZES[0][1], command);
        try {
            List<List<String>> frames = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            long deadline = System.currentTimeMillis() + RUN_DEADLINE_MILLIS;
            int size = 0;
            String screen = "";
            while (System.currentTimeMillis() < deadline && !screen.contains("EXITED")) {
                screen = tmux.stableCapture();
                if (screen.contains("EXITED") || !screen.contains("Elapsed")) {
                    TimeUnit.MILLISECONDS.sleep(250);
                    continue;
                }
                // Grow when the second cluster size starts, shrink two frames later.
                if (size == 0 && screen.contains("Scenario 2/2") || size == 1 && frames.get(1).size() >= 2) {
                    size++;
                    tmux.resize(SIZES[size][0], SIZES[size][1]);
                    tmux.awaitRedrawAt(SIZES[size][1], KEYS);
                    continue;
                }
                frames.get(size).add(screen);
                DashboardFrames.save("run-" + SIZES[size][0] + "x" + SIZES[size][1] + "-" + frames.get(size).size(), screen);
                TimeUnit.MILLISECONDS.sleep(1000);
            }
            assertTrue(screen.contains("EXITED 0"), "the run ends with exit 0:\n" + screen);
            for (int i = 0; i < SIZES.length; i++) {
                List<String> atSize = frames.get(i);
                String what = SIZES[i][0] + "x" + SIZES[i][1];
                assertTrue(atSize.size() >= MIN_FRAMES[i], "frames at " + what + ": " + atSize.size());
                for (String f : atSize) {
                    DashboardFrames.assertClean(f, SIZES[i][0], SIZES[i][1], KEYS, "of matrix", STRAY);
                    // No faults in this scenario: a node shown DOWN at any time is a lie.
                    assertFalse(f.contains("DOWN"), "every node is up:\n" + f);
                }
                assertTrue(atSize.stream().distinct().count() > 1, "the figures change between frames at " + what);
            }
            assertTrue(frames.get(2).stream().anyMatch(f -> f.contains("Scenario 2/2") && f.contains("node-2")),
                    "the 3-node size is on screen after the resizes");
            // The first cell's limit verdict shows in the header while the second runs, within the frame.
            assertTrue(frames.get(2).stream().anyMatch(f -> f.contains("Scenario 2/2") && f.contains("; last cell: ")),
                    "the last finished cell's verdict is on screen:\n" + frames.get(2).get(frames.get(2).size() - 1));
            Path log = onlyRunDir(results).resolve(RunLog.FILE_NAME);
            assertTrue(Files.readString(log).contains("Scenario 2/2"), "run.log has the events");
        } finally {
            tmux.kill();
        }
    }

    private static Path onlyRunDir(Path results) throws IOException {
        try (Stream<Path> dirs = Files.list(results)) {
            return dirs.findFirst().orElseThrow();
        }
    }
}
