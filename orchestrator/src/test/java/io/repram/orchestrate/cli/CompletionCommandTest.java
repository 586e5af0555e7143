package io.repram.orchestrate.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `completion bash|zsh` prints a script a shell accepts and that completes every command. */
class CompletionCommandTest {
    @TempDir
    Path tmp;

    private static String script(String shell) {
        Captured console = new Captured();
        assertEquals(ExitCodes.OK, console.run(new Main(), "completion", shell), console.toString());
        return console.out();
    }

    private static List<String> commandNames(CommandLine cl) {
        List<String> names = new ArrayList<>();
        cl.getSubcommands().forEach((name, sub) -> {
            names.add(name);
            names.addAll(commandNames(sub));
        });
        return names;
    }

    private static String bash(String script) throws Exception {
        Process p = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "bash finished");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    @Test
    void theBashScriptNamesEveryCommandAndBashAcceptsIt() throws Exception {
        String script = script("bash");
        for (String name : commandNames(Main.commandLine())) {
            assertTrue(script.contains(name), "the script does not know " + name);
        }
        Path file = tmp.resolve("repram-orchestrate.bash");
        Files.writeString(file, script);
        bash("bash -n " + file);
        // As a user's shell would: source it (compopt complains outside a real completion; ignored), then ask for the completions of a partly typed command.
        String completions = bash("source " + file + "; fn=$(complete -p repram-orchestrate | sed 's/.*-F \\([^ ]*\\).*/\\1/');"
                + " COMP_WORDS=(repram-orchestrate clu); COMP_CWORD=1; COMP_LINE='repram-orchestrate clu'; COMP_POINT=22;"
                + " $fn 2>/dev/null; echo \"${COMPREPLY[@]}\"; COMP_WORDS=(repram-orchestrate cluster up --clu); COMP_CWORD=3;"
                + " COMP_LINE='repram-orchestrate cluster up --clu'; COMP_POINT=35; $fn 2>/dev/null; echo \"${COMPREPLY[@]}\";"
                + " COMP_WORDS=(repram-orchestrate completion z); COMP_CWORD=2;"
                + " COMP_LINE='repram-orchestrate completion z'; COMP_POINT=31; $fn 2>/dev/null; echo \"${COMPREPLY[@]}\"");
        List<String> lines = completions.lines().toList();
        assertEquals("cluster", lines.get(lines.size() - 3).strip(), completions);
        assertEquals("--cluster-size", lines.get(lines.size() - 2).strip(), completions);
        assertEquals("zsh", lines.get(lines.size() - 1).strip(), completions);
    }

    @Test
    void zshGetsTheScriptThatLoadsBashcompinit() {
        String script = script("zsh");
        assertTrue(script.contains("bashcompinit"), script.substring(0, Math.min(2000, script.length())));
        assertEquals(script("bash"), script);
    }

    @Test
    void anUnknownShellIsBadUsage() {
        Captured console = new Captured();
        assertEquals(ExitCodes.BAD_INPUT, console.run(new Main(), "completion", "fish"));
        assertTrue(console.err().contains("bash") && console.err().contains("zsh"), console.err());
    }
}
