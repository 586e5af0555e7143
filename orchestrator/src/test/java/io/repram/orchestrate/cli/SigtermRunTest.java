package io.repram.orchestrate.cli;

import io.repram.orchestrate.engine.Await;
import io.repram.orchestrate.engine.NodeJarLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/ci.md promises exit 130 for SIGTERM as for Ctrl-C (a cancelled CI job sends SIGTERM): the
 * real CLI in a child JVM, stopped during its second cell, keeps the finished first cell, leaves
 * no node process and exits 130 (the JVM's own answer would be 143).
 */
class SigtermRunTest {
    @TempDir
    Path results;

    @Test
    void sigtermDuringACellExits130KeepsTheFinishedCellAndLeavesNoNode() throws Exception {
        Path scenario = Path.of(getClass().getResource("/cli/two-long-cells.yaml").toURI());
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process cli = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "run", scenario.toString(), "--driver", "process", "--ci",
                "--node-jar", NodeJarLocation.defaultPath().toAbsolutePath().toString(),
                "--results-dir", results.toString())
                .redirectErrorStream(true)
                .start();
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(cli.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) lines.add(line);
            } catch (java.io.IOException ignored) {
                // the child is gone
            }
        }, "cli-output");
        reader.start();
        List<ProcessHandle> nodes = new ArrayList<>();
        try {
            assertTrue(Await.until(Duration.ofSeconds(90), () -> lines.stream().anyMatch(l -> l.startsWith("[2/2] "))
                    || !cli.isAlive()), "the second cell never started: " + lines);
            assertTrue(cli.isAlive(), "the run ended before the second cell: " + lines);
            cli.descendants().filter(p -> p.info().commandLine().orElse("").contains("repram-node")).forEach(nodes::add);
            assertEquals(1, nodes.size(), "the 1-node cluster of the run: " + nodes);

            cli.destroy(); // SIGTERM
            assertTrue(cli.waitFor(60, TimeUnit.SECONDS), "the CLI did not stop after SIGTERM: " + lines);
            reader.join(5_000);
            assertEquals(ExitCodes.INTERRUPTED, cli.exitValue(), String.join("\n", lines));
            for (ProcessHandle node : nodes) {
                assertTrue(Await.until(Duration.ofSeconds(10), () -> !node.isAlive()), "node pid " + node.pid() + " left");
            }
            Path dir;
            try (Stream<Path> dirs = Files.list(results)) {
                dir = dirs.findFirst().orElseThrow();
            }
            assertTrue(Files.isRegularFile(dir.resolve("1nodes_2conc_256bytes.json")), "the finished cell is kept");
            assertFalse(Files.exists(dir.resolve("1nodes_4conc_256bytes.json")), "the cut cell is not recorded");
            // report.md is rewritten after every cell; the final charts, report.html and summary lines
            // may be cut by the shutdown grace (RunSession.SHUTDOWN_GRACE) on a loaded machine.
            assertTrue(Files.isRegularFile(dir.resolve("report.md")), "the report of what finished");
        } finally {
            cli.destroyForcibly();
            nodes.forEach(ProcessHandle::destroyForcibly);
        }
    }
}
