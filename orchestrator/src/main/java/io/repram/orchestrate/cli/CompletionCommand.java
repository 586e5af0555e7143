package io.repram.orchestrate.cli;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code completion bash|zsh}: picocli's completion script for every command and option. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Prints a shell completion script for every command, option and enum value.",
                "The script is bash; zsh runs it through bashcompinit, which the script loads itself."},
        footer = {"", "Examples:",
                "  source <(repram-orchestrate completion bash)   # this bash only",
                "  repram-orchestrate completion bash > /etc/bash_completion.d/repram-orchestrate",
                "  echo 'source <(repram-orchestrate completion zsh)' >> ~/.zshrc",
                "", "Exit codes: 0 ok, 2 unknown shell."})
public final class CompletionCommand implements Callable<Integer> {

    enum Shell { BASH, ZSH }

    /** The shells as users type them (the enum's own names would complete as BASH and ZSH). */
    static final class ShellNames extends ArrayList<String> {
        ShellNames() {
            super(List.of("bash", "zsh"));
        }
    }

    @Parameters(index = "0", paramLabel = "bash|zsh", completionCandidates = ShellNames.class,
            description = "The shell: ${COMPLETION-CANDIDATES}.")
    Shell shell;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine root = spec.root().commandLine();
        PrintWriter out = spec.commandLine().getOut();
        // One script serves both: picocli's bash script starts bashcompinit when zsh sources it.
        out.print(AutoComplete.bash(root.getCommandName(), root));
        out.flush();
        return ExitCodes.OK;
    }
}
