package io.repram.orchestrate.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DurationConverterTest {
    private final DurationConverter converter = new DurationConverter();

    /** The scenario forms are Units' (UnitsTest); what the converter adds is ISO-8601 in either case. */
    @Test
    void addsIso8601ToTheScenarioForms() {
        assertEquals(Duration.ofMinutes(2), converter.convert("PT2M"));
        assertEquals(Duration.ofMinutes(3), converter.convert("pt3m"));
        assertEquals(Duration.ofSeconds(90), converter.convert("1m30s"));
    }

    @Test
    void rejectsWordsAndNegativeDurationsWithAnExample() {
        for (String bad : new String[] {"soon", "", "5 minutes", "-5", "PT-5S", "P"}) {
            var e = assertThrows(CommandLine.TypeConversionException.class, () -> converter.convert(bad), bad);
            assertTrue(e.getMessage().contains("1m30s") && e.getMessage().contains("PT2M"), e.getMessage());
        }
    }

    private static Object parsedValue(CommandLine root, String command, String option, String... args) {
        CommandLine.ParseResult parsed = root.parseArgs(args);
        CommandLine.ParseResult sub = parsed;
        int depth = command.split(" ").length;
        for (int i = 0; i < depth; i++) sub = sub.subcommand();
        assertEquals(command, sub.commandSpec().qualifiedName().replace("repram-orchestrate ", ""));
        return sub.matchedOptionValue(option, null);
    }

    @Test
    void runAndLoadTakeBothSpellings() {
        for (String text : new String[] {"1m30s", "PT2M"}) {
            Duration expected = text.equals("PT2M") ? Duration.ofMinutes(2) : Duration.ofSeconds(90);
            assertEquals(expected, parsedValue(Main.commandLine(), "run", "--duration", "run", "--duration", text));
            assertEquals(expected, parsedValue(Main.commandLine(), "run", "--health-timeout",
                    "run", "--health-timeout", text));
            assertEquals(expected, parsedValue(Main.commandLine(), "load", "--duration",
                    "load", "--url", "http://127.0.0.1:8080", "-d", text));
            assertEquals(expected, parsedValue(Main.commandLine(), "load", "--warmup",
                    "load", "--url", "http://127.0.0.1:8080", "--warmup", text));
        }
    }

    @Test
    void everyDurationFlagUsesIt() {
        assertEquals(Duration.ofSeconds(10), parsedValue(Main.commandLine(), "monitor", "--interval",
                "monitor", "--interval", "10s"));
        assertEquals(Duration.ofMinutes(5), parsedValue(Main.commandLine(), "monitor", "--duration",
                "monitor", "--duration", "PT5M"));
        assertEquals(Duration.ofMinutes(2), parsedValue(Main.commandLine(), "cluster up", "--health-timeout",
                "cluster", "up", "--cluster-size", "1", "--health-timeout", "2m"));
        assertEquals(Duration.ofMillis(2500), parsedValue(Main.commandLine(), "load", "--timeout",
                "load", "--url", "http://127.0.0.1:8080", "--timeout", "2500ms"));
    }

    @Test
    void aBadValueIsBadInputNamingTheFlagAndAnExample() {
        Captured console = new Captured();
        assertEquals(ExitCodes.BAD_INPUT, console.run(new Main(), "run", "--duration", "soon"));
        assertTrue(console.err().contains("--duration") && console.err().contains("'soon' is not a duration"),
                console.err());
        assertTrue(console.err().contains("e.g. 90s, 1m30s"), console.err());
        console.reset();
        assertEquals(ExitCodes.BAD_INPUT, console.run(new Main(), "load", "--url", "http://127.0.0.1:1", "--warmup", "-1s"));
        assertTrue(console.err().contains("--warmup"), console.err());
    }
}
