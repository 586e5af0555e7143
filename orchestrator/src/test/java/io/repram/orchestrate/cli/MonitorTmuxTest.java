package io.repram.orchestrate.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Drives the packaged {@code monitor --url} inside a tmux pseudo-terminal against two nodes whose
 * request counters grow at a known rate: every frame is a clean monitor frame (its own keys, time
 * progress, no matrix), the figures move, and q ends the monitor with exit 0 and the nodes up.
 */
@Tag("tmux")
class MonitorTmuxTest {
    private static final long DEADLINE_MILLIS = 60_000;
    private static final int FRAMES = 6;
    private static final String KEYS = " q stop monitoring";
    /** What the monitor prints when not on a dashboard: on the dashboard it must not appear. */
    private static final List<String> STRAY = List.of("Monitor: ", "; writing ", "Stopped (");

    @TempDir
    Path tmp;

    @Test
    void everyFrameIsAMonitorFrameAndQLeavesTheNodesRunning() throws Exception {
        Path jar = Path.of(System.getProperty("repram.repo.root", ".."), "orchestrator/target/repram-orchestrate.jar");
        boolean ci = System.getenv("CI") != null;
        Assumptions.assumeTrue(ci || TmuxSession.available(), "tmux is not installed (CI installs it)");
        Assumptions.assumeTrue(ci || Files.isRegularFile(jar), "needs the packaged jar: mvn -DskipTests package first");
        try (SteadyRateNode a = new SteadyRateNode("steady-1", 120); SteadyRateNode b = new SteadyRateNode("steady-2", 40)) {
            TmuxSession tmux = new TmuxSession(tmp.resolve("tmux.sock"));
            // From tmp, so the monitoring directory lands there without naming the output flag.
            String command = "cd " + tmp + " && " + TmuxSession.cli(jar) + " monitor --url " + a.url() + "," + b.url()
                    + " --duration 5m --interval 1; echo EXITED $?; sleep 60";
            tmux.start(100, 30, command);
            try {
                List<String> frames = new ArrayList<>();
                long deadline = System.currentTimeMillis() + DEADLINE_MILLIS;
                while (frames.size() < FRAMES && System.currentTimeMillis() < deadline) {
                    String screen = tmux.stableCapture();
                    assertFalse(screen.contains("EXITED"), "the monitor ended by itself:\n" + screen);
                    if (screen.contains("Elapsed")) {
                        frames.add(screen);
                        DashboardFrames.save("monitor-100x30-" + frames.size(), screen);
                        TimeUnit.MILLISECONDS.sleep(1000);
                    } else {
                        TimeUnit.MILLISECONDS.sleep(100);
                    }
                }
                assertEquals(FRAMES, frames.size(), "monitor frames within " + DEADLINE_MILLIS + " ms");
                for (String f : frames) {
                    DashboardFrames.assertClean(f, 100, 30, KEYS, "of the time", STRAY);
                    assertFalse(f.contains("of matrix") || f.contains("skip"), "no matrix and no s key in monitor:\n" + f);
                    assertTrue(f.lines().findFirst().orElseThrow().contains("Monitoring "), f);
                }
                assertNotEquals(row(frames.get(1), "steady-1"), row(frames.get(FRAMES - 1), "steady-1"),
                        "the node's request count moves between frames");

                tmux.sendKeys("q");
                String after = "";
                while (!after.contains("EXITED") && System.currentTimeMillis() < deadline) {
                    TimeUnit.MILLISECONDS.sleep(200);
                    after = tmux.stableCapture();
                }
                assertTrue(after.contains("EXITED 0"), "q ends the monitor with exit 0:\n" + after);
                assertTrue(after.contains("Stopped (q pressed)"), after);
            } finally {
                tmux.kill();
            }
            for (SteadyRateNode n : List.of(a, b)) {
                HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(n.url() + "/v1/health")).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, health.statusCode(), "the node is still up after q");
            }
            try (Stream<Path> dirs = Files.list(tmp.resolve("monitoring-results"))) {
                Path dir = dirs.findFirst().orElseThrow();
                assertTrue(Files.readString(dir.resolve("monitoring_report.md")).contains("q pressed"),
                        "the report says why the monitor stopped");
            }
        }
    }

    /** The node table row of {@code node}. */
    private static String row(String frame, String node) {
        return frame.lines().filter(l -> l.contains(node)).findFirst().orElseThrow(() -> new AssertionError(node + " not shown:\n" + frame));
    }
}
