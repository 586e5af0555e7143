package io.repram.orchestrate.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every command's --help, as a user reads it: whole summaries, no picocli warnings, examples that copy. */
class HelpTextTest {

    /** Every command line under {@code root}, root first, nested ones (cluster up, image build) included. */
    private static List<CommandLine> all(CommandLine root) {
        List<CommandLine> found = new ArrayList<>();
        found.add(root);
        for (CommandLine sub : root.getSubcommands().values()) {
            if (!found.contains(sub)) found.addAll(all(sub));
        }
        return found.stream().distinct().toList();
    }

    private static CommandLine atWidth(int columns) {
        CommandLine cl = Main.commandLine();
        cl.setUsageHelpAutoWidth(false);
        cl.setUsageHelpWidth(columns);
        return cl;
    }

    private static String summary(CommandSpec spec) {
        String[] header = spec.usageMessage().header();
        String first = header.length > 0 ? header[0] : spec.usageMessage().description()[0];
        return first.replace("%%", "%");
    }

    private static String collapse(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    @Test
    void everySummaryIsACompleteSentenceAndListedWhole() {
        CommandLine main = atWidth(160);
        int checked = 0;
        for (CommandLine parent : all(main)) {
            String list = collapse(parent.getHelp().commandList());
            for (CommandLine sub : parent.getSubcommands().values()) {
                String summary = summary(sub.getCommandSpec());
                String name = sub.getCommandSpec().qualifiedName();
                assertTrue(summary.endsWith("."), name + ": the summary is not a whole sentence: " + summary);
                assertTrue(Character.isUpperCase(summary.charAt(0)), name + ": " + summary);
                assertTrue(list.contains(collapse(summary)),
                        name + ": `" + parent.getCommandName() + " --help` cuts its summary:\n" + parent.getHelp().commandList());
                checked++;
            }
        }
        assertTrue(checked >= 17, "every command and nested command: " + checked);
    }

    @Test
    void everyHelpRendersWithoutPicocliWarnings() {
        PrintStream stderr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        List<String> rendered = new ArrayList<>();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            for (int width : new int[]{80, 160}) {
                for (CommandLine cl : all(atWidth(width))) rendered.add(cl.getUsageMessage());
            }
        } finally {
            System.setErr(stderr);
        }
        String warnings = captured.toString(StandardCharsets.UTF_8);
        assertEquals("", warnings, "picocli complained while rendering help");
        for (String usage : rendered) {
            assertFalse(usage.contains("[picocli WARN]") || usage.contains("%n"), usage);
        }
        String compare = atWidth(160).getSubcommands().get("compare").getUsageMessage();
        assertTrue(compare.contains("(default: 5%)") && compare.contains("--min-effect 5% --fail-on-regression"), compare);
    }

    @Test
    void examplesAreNeverWrappedMidCommand() {
        for (int width : new int[]{80, 160}) {
            for (CommandLine cl : all(atWidth(width))) {
                String name = cl.getCommandSpec().qualifiedName();
                List<String> declared = new ArrayList<>();
                for (String line : cl.getCommandSpec().usageMessage().footer()) {
                    declared.addAll(Arrays.asList(String.format(line).split("\\R", -1)));
                }
                List<String> shown = Arrays.stream(cl.getHelp().footer().split("\\R", -1)).map(String::stripTrailing).toList();
                int examples = 0;
                for (int i = 0; i < declared.size(); i++) {
                    String line = declared.get(i).stripTrailing();
                    // Prose too: a line picocli wraps at 80 columns leaves a one-word line behind.
                    assertTrue(line.length() <= 80, name + ": a footer line longer than 80 columns: " + line);
                    if (!isExample(line)) continue;
                    examples++;
                    assertTrue(shown.contains(line), name + " at " + width + " columns wraps the example `" + line
                            + "`:\n" + String.join("\n", shown));
                    if (line.endsWith("\\")) {
                        assertTrue(i + 1 < declared.size() && declared.get(i + 1).startsWith("      "),
                                name + ": a `\\` continuation must be followed by the rest of the command: " + line);
                    }
                }
                if (!cl.getCommandName().equals("help")) assertTrue(examples > 0, name + " has no example");
            }
        }
    }

    /** A line to copy into a shell: a command, its continuation, or a comment between them. */
    private static boolean isExample(String line) {
        return line.startsWith("  repram-orchestrate") || line.startsWith("      ") || line.startsWith("  source ")
                || line.startsWith("  echo ") || line.startsWith("  # ");
    }

    @Test
    void helpIsAsWideAsTheTerminal() {
        for (CommandLine cl : all(Main.commandLine())) {
            assertTrue(cl.getCommandSpec().usageMessage().autoWidth(), cl.getCommandSpec().qualifiedName());
        }
        String wide = atWidth(160).getSubcommands().get("run").getUsageMessage();
        assertTrue(wide.lines().anyMatch(l -> l.length() > 100), "160 columns are used:\n" + wide);
        assertTrue(atWidth(80).getSubcommands().get("run").getUsageMessage().lines().allMatch(l -> l.length() <= 80));
    }
}
