package io.repram.orchestrate.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.function.Consumer;

/**
 * How much a command prints besides its results: {@code -q/--quiet} and {@code -v/--verbose},
 * declared once on {@link Main} and inherited by every command. A command run on its own (tests,
 * {@code LoadCommand.main}) has neither and is {@link #NORMAL}.
 */
enum Verbosity {
    QUIET, NORMAL, VERBOSE;

    /** slf4j-simple's default level, read when the first logger is made (simplelogger.properties says warn). */
    static final String LOG_LEVEL_PROPERTY = "org.slf4j.simpleLogger.defaultLogLevel";

    /**
     * What the user asked for on {@code spec}'s command or any command above it.
     *
     * @throws CommandLine.ParameterException for both -q and -v (Main checks before any command runs)
     */
    static Verbosity of(CommandSpec spec) {
        boolean quiet = given(spec, "--quiet");
        boolean verbose = given(spec, "--verbose");
        if (quiet && verbose) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "-q/--quiet and -v/--verbose exclude each other; give one of them");
        }
        return quiet ? QUIET : verbose ? VERBOSE : NORMAL;
    }

    boolean quiet() {
        return this == QUIET;
    }

    boolean verbose() {
        return this == VERBOSE;
    }

    /** Where engine progress goes: {@code sink}, or when quiet only the lines that warn ("WARN ..."). */
    Consumer<String> progress(Consumer<String> sink) {
        return quiet() ? line -> {
            if (line.startsWith("WARN")) sink.accept(line);
        } : sink;
    }

    /** Seconds between a run's progress lines: none when quiet, every second when verbose. */
    int progressSeconds() {
        return switch (this) {
            case QUIET -> 0;
            case NORMAL -> 5;
            case VERBOSE -> 1;
        };
    }

    /** Whether {@code name} was given on {@code spec}'s command or any command above it. */
    static boolean given(CommandSpec spec, String name) {
        for (CommandSpec s = spec; s != null; s = s.parent()) {
            OptionSpec o = s.findOption(name);
            if (o != null && Boolean.TRUE.equals(o.getValue())) return true;
        }
        return false;
    }
}
