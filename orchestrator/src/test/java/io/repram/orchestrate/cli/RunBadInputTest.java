package io.repram.orchestrate.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13 part 5: input that once slipped through (ran the defaults, failed late, answered with a
 * Java class name or the wrong exit code) is refused up front with exit 2, or its own documented
 * code, a message naming the problem and the fix, and no results directory.
 */
class RunBadInputTest {
    @TempDir
    Path tmp;

    private final Captured console = new Captured();

    private Path results() {
        return tmp.resolve("results");
    }

    private int run(String... args) {
        console.reset();
        return console.run(new RunCommand(), args);
    }

    private int runFixture(String fixture, String... more) throws URISyntaxException {
        List<String> args = new java.util.ArrayList<>(List.of(fixture(fixture), "--driver", "process", "--ci",
                "--results-dir", results().toString()));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    private static String fixture(String name) throws URISyntaxException {
        return Path.of(RunBadInputTest.class.getResource("/cli/" + name).toURI()).toString();
    }

    private void assertNothingWritten() throws IOException {
        if (!Files.exists(results())) return;
        try (Stream<Path> dirs = Files.list(results())) {
            assertEquals(List.of(), dirs.toList(), "no results directory for refused input");
        }
    }

    private List<Path> runDirs() throws IOException {
        try (Stream<Path> dirs = Files.list(results())) {
            return dirs.toList();
        }
    }

    @Test
    void anEmptyScenarioFileIsRefusedInsteadOfRunningTheDefaults() throws Exception {
        Path empty = Files.writeString(tmp.resolve("empty.yaml"), "# nothing yet\n");
        assertEquals(ExitCodes.BAD_INPUT, run(empty.toString(), "--driver", "process", "--results-dir",
                results().toString()));
        assertTrue(console.err().startsWith("repram-orchestrate run: " + empty + ":1:1: the scenario file is empty"),
                console.err());
        assertNothingWritten();
    }

    @Test
    void aBinaryScenarioFileIsNamedNotText() throws Exception {
        Path binary = Files.write(tmp.resolve("results.tar.gz"), new byte[] {0x1f, (byte) 0x8b, 0x08, 0, (byte) 0xff});
        assertEquals(ExitCodes.BAD_INPUT, run(binary.toString(), "--driver", "process", "--results-dir",
                results().toString()));
        assertTrue(console.err().startsWith("repram-orchestrate run: " + binary + ": not a text file"), console.err());
        assertFalse(console.err().contains("Input length"), console.err());
        assertNothingWritten();
    }

    @Test
    void aBasePortOutsideThePortRangeIsBadInput() throws Exception {
        assertEquals(ExitCodes.BAD_INPUT, runFixture("tiny-process.yaml", "--base-port", "-5"));
        assertTrue(console.err().startsWith("repram-orchestrate run: --base-port -5 is not a port. Fix: give 1..65535"),
                console.err());
        // tiny-process.yaml has 3 nodes: 65534 + 2 is past the last port.
        assertEquals(ExitCodes.BAD_INPUT, runFixture("tiny-process.yaml", "--base-port", "65534"));
        assertTrue(console.err().startsWith("repram-orchestrate run: --base-port 65534 leaves no room for 3 nodes"
                + " (node i listens on PORT+i, up to 65536). Fix: give at most 65533"), console.err());
        assertNothingWritten();
    }

    @Test
    void aZeroHealthTimeoutIsBadInputNotAnUnhealthyNode() throws Exception {
        assertEquals(ExitCodes.BAD_INPUT, runFixture("tiny-process.yaml", "--health-timeout", "0s"));
        assertTrue(console.err().startsWith("repram-orchestrate run: --health-timeout 0s gives the nodes no time to"
                + " start. Fix: give a positive duration"), console.err());
        assertNothingWritten();
    }

    @Test
    void anUnusableResultsDirectoryIsBadInputInWords() throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "not a directory");
        for (Path parent : List.of(file, file.resolve("sub"))) {
            assertEquals(ExitCodes.BAD_INPUT, run(fixture("tiny-process.yaml"), "--driver", "process",
                    "--results-dir", parent.toString()));
            assertEquals("repram-orchestrate run: cannot create a results directory under " + parent + ": " + file
                    + " is a file, not a directory. Fix: give --results-dir a writable directory (it is created when"
                    + " missing)\n", console.err());
        }
        assertEquals("not a directory", Files.readString(file));
    }

    @Test
    void aTakenBasePortExits4BeforeAResultsDirectoryIsCreated() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = taken.getLocalPort();
            assertEquals(ExitCodes.PORT_IN_USE, runFixture("two-cells.yaml", "--base-port", Integer.toString(port)));
            assertTrue(console.err().startsWith("repram-orchestrate run: Port 127.0.0.1:" + port + " is already in use."),
                    console.err());
        }
        assertNothingWritten();
    }

    @Test
    void aDisconnectFaultIsRefusedUpFrontByTheProcessDriver() throws Exception {
        assertEquals(ExitCodes.BAD_INPUT, runFixture("disconnect-process.yaml"));
        assertTrue(console.err().startsWith("repram-orchestrate run: fault 'disconnect' is not supported by --driver"
                + " process"), console.err());
        assertTrue(console.err().contains("use --driver docker"), console.err());
        assertFalse(console.out().contains("Starting"), "no node started: " + console.out());
        assertNothingWritten();
    }

    @Test
    void resumeRefusesMatrixFlagsAndAnotherScenarioButTakesItsOwn() throws Exception {
        assertEquals(ExitCodes.OK, runFixture("two-cells.yaml"), console.toString());
        Path dir = runDirs().get(0);
        Files.delete(dir.resolve("1nodes_4conc_256bytes.json"));
        String runJson = Files.readString(dir.resolve("run.json"));

        assertEquals(ExitCodes.BAD_INPUT, run("--resume", dir.toString(), "--cluster-size", "3", "--concurrency", "8",
                "--driver", "process", "--ci"));
        assertTrue(console.err().startsWith("repram-orchestrate run: --cluster-size, --concurrency cannot be combined"
                + " with --resume"), console.err());
        assertTrue(console.err().contains("Fix: drop --cluster-size, --concurrency"), console.err());

        String other = fixture("tiny-process.yaml");
        assertEquals(ExitCodes.BAD_INPUT, run("--resume", dir.toString(), other, "--driver", "process", "--ci"));
        assertTrue(console.err().startsWith("repram-orchestrate run: " + other + " is not the scenario of the run in "
                + dir + " (they differ in name, matrix, duration, warmup, workload, thresholds)"), console.err());
        assertEquals(runJson, Files.readString(dir.resolve("run.json")), "a refused resume writes nothing");
        assertFalse(Files.exists(dir.resolve("1nodes_4conc_256bytes.json")));
        assertFalse(Files.exists(dir.resolve("3nodes_4conc_512bytes.json")), "no cell of the other scenario");

        assertEquals(ExitCodes.OK, run("--resume", dir.toString(), fixture("two-cells.yaml"), "--driver", "process",
                "--ci"), console.toString());
        assertTrue(console.out().contains("Plan: 1 cell(s)"), console.out());
        assertTrue(Files.isRegularFile(dir.resolve("1nodes_4conc_256bytes.json")));
    }

    @Test
    void aNodeThatExitsAtStartLeavesItsWholeLogInTheResultsDirectory() throws Exception {
        assertEquals(ExitCodes.NODE_UNHEALTHY, runFixture("bad-bind.yaml"), console.toString());
        Path dir = runDirs().get(0);
        Path log = dir.resolve("logs").resolve("1nodes").resolve("node-0.log");
        Matcher named = Pattern.compile("Its last log lines \\((.+?)\\)").matcher(console.err());
        assertTrue(named.find(), console.err());
        assertEquals(log.toString(), named.group(1), "the error points at the kept log");
        assertTrue(Files.isRegularFile(log), "the log outlives the tool: " + log);
        assertTrue(Files.readString(log).contains("repram-node:"), "the node's own output: " + Files.readString(log));
    }
}
