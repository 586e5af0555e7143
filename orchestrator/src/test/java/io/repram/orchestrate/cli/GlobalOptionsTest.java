package io.repram.orchestrate.cli;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** -q/--quiet, -v/--verbose and --no-color (or NO_COLOR) for every command, before or after its name. */
class GlobalOptionsTest {
    private static final String ESC = "\u001B[";

    /** `load` against a stub node that accepts everything, for {@code seconds}. */
    private static Captured load(int seconds, String... global) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        server.setExecutor(pool);
        server.createContext("/v1/data/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                exchange.sendResponseHeaders(exchange.getRequestMethod().equals("PUT") ? 201 : 404, -1);
            }
        });
        server.start();
        Captured console = new Captured();
        try {
            String[] args = new String[global.length + 9];
            System.arraycopy(global, 0, args, 0, global.length);
            System.arraycopy(new String[]{"load", "--url", "http://127.0.0.1:" + server.getAddress().getPort(), "-c", "2",
                    "-d", seconds + "s", "--put-percent", "100"}, 0, args, global.length, 9);
            assertEquals(ExitCodes.OK, console.run(new Main(), args), console.toString());
        } finally {
            server.stop(0);
            pool.shutdownNow();
        }
        return console;
    }

    @Test
    void quietDropsProgressLinesButKeepsTheResult() throws Exception {
        Captured normal = load(6);
        // load's human text is on stderr (stdout is for --json -).
        assertTrue(normal.err().contains("Measured 5s: "), normal.err());
        Captured quiet = load(6, "-q");
        assertFalse(quiet.err().contains("Measured "), quiet.err());
        assertTrue(quiet.err().contains("Throughput"), quiet.err());
    }

    @Test
    void quietAndVerboseExcludeEachOther() {
        Captured console = new Captured();
        assertEquals(ExitCodes.BAD_INPUT, console.run(new Main(), "-q", "report", "-v", "/nonexistent-results-dir"));
        assertTrue(console.err().contains("-q/--quiet and -v/--verbose exclude each other"), console.err());
    }

    @Test
    void verboseAddsAFailuresStackTrace() {
        assumeTrue(System.getenv("REPRAM_DEBUG") == null, "REPRAM_DEBUG asks for stack traces anyway");
        Captured plain = new Captured();
        assertEquals(ExitCodes.BAD_INPUT, plain.run(new Main(), "report", "/nonexistent-results-dir"));
        assertFalse(plain.err().contains("\tat io.repram."), plain.err());
        for (String[] args : new String[][]{{"-v", "report", "/nonexistent-results-dir"},
                {"report", "--verbose", "/nonexistent-results-dir"}}) {
            Captured verbose = new Captured();
            assertEquals(ExitCodes.BAD_INPUT, verbose.run(new Main(), args));
            assertTrue(verbose.err().startsWith("repram-orchestrate report: /nonexistent-results-dir is not a results directory"),
                    verbose.err());
            assertTrue(verbose.err().contains("\tat io.repram.orchestrate.results."), verbose.err());
        }
        assertEquals(1, Verbosity.VERBOSE.progressSeconds());
        assertEquals(0, Verbosity.QUIET.progressSeconds());
    }

    private static String help(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.execute(args);
        return out.toString();
    }

    @Test
    void noColorTurnsOffAnsiInHelp() {
        // As on a colour terminal: picocli would style the help.
        CommandLine colour = Main.commandLine(new Main(), Map.of());
        colour.setColorScheme(CommandLine.Help.defaultColorScheme(Ansi.ON));
        assertTrue(help(colour, "run", "--help").contains(ESC), "the control case is coloured");

        for (String[] args : new String[][]{{"--no-color", "run", "--help"}, {"run", "--help", "--no-color"},
                {"cluster", "up", "--no-color", "--help"}}) {
            CommandLine cl = Main.commandLine(new Main(), Map.of());
            cl.setColorScheme(CommandLine.Help.defaultColorScheme(Ansi.ON));
            String text = help(cl, args);
            assertFalse(text.contains(ESC), String.join(" ", args) + ":\n" + text);
            assertTrue(text.contains("Usage:"), text);
        }
    }

    @Test
    void noColorEnvironmentVariableTurnsItOffToo() {
        assertEquals(Ansi.OFF, Main.commandLine(new Main(), Map.of("NO_COLOR", "1")).getColorScheme().ansi());
        assertEquals(Ansi.OFF, Main.commandLine(new Main(), Map.of("NO_COLOR", "1")).getSubcommands().get("run")
                .getColorScheme().ansi());
        // no-color.org: an empty value does not count.
        assertEquals(Ansi.AUTO, Main.commandLine(new Main(), Map.of("NO_COLOR", "")).getColorScheme().ansi());
        String previous = System.getProperty("picocli.ansi");
        System.setProperty("picocli.ansi", "true");
        try {
            assertTrue(help(Main.commandLine(new Main(), Map.of()), "run", "--help").contains(ESC),
                    "picocli.ansi=true colours the help: the control case");
            assertFalse(help(Main.commandLine(new Main(), Map.of("NO_COLOR", "1")), "run", "--help").contains(ESC));
        } finally {
            if (previous == null) System.clearProperty("picocli.ansi");
            else System.setProperty("picocli.ansi", previous);
        }
    }

    @Test
    void everyCommandListsTheGlobalOptions() {
        for (String path : new String[]{"run", "load", "monitor", "cluster up", "doctor", "report"}) {
            CommandLine cl = Main.commandLine();
            for (String name : path.split(" ")) cl = cl.getSubcommands().get(name);
            for (String option : new String[]{"--quiet", "--verbose", "--no-color"}) {
                assertTrue(cl.getCommandSpec().findOption(option) != null, path + " lacks " + option);
            }
        }
    }
}
