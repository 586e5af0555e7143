package io.repram.orchestrate.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = Main.NAME,
        description = {"Scale-tests clusters of REPRAM nodes: starts N-node clusters (Docker or local JVMs),"
                + " runs a matrix of cluster sizes x concurrency x payload sizes, and reports throughput,"
                + " latency, resource use and what broke.",
                "-q, -v and --no-color (or NO_COLOR=1) work before or after any command."},
        subcommands = {RunCommand.class, LoadCommand.class, AgentCommand.class, ImageCommand.class, ClusterCommand.class,
                CleanupCommand.class, DoctorCommand.class, ReportCommand.class, CompareCommand.class,
                ConsolidateCommand.class, BaselineCommand.class, MonitorCommand.class, CompletionCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Start here:",
                "  repram-orchestrate doctor                     # Docker, ports, the image",
                "  repram-orchestrate run scenarios/quick.yaml   # 3 nodes, 25 workers, 60 s",
                "  repram-orchestrate run --help                 # every option of a run",
                "  source <(repram-orchestrate completion bash)  # tab completion",
                "", "Exit codes: 0 ok, 1 error, 2 bad usage or input, 3 Docker unavailable,",
                "  4 port taken, 5 node unhealthy, 6 image missing, 99 threshold breached,",
                "  130 interrupted.",
                "A failure prints one line, repram-orchestrate COMMAND: MESSAGE, on stderr;",
                "  set REPRAM_DEBUG=1 to get its stack trace as well."},
        mixinStandardHelpOptions = true, versionProvider = Main.Version.class)
public final class Main implements Callable<Integer> {
    static final String NAME = "repram-orchestrate";

    // Inherited: `repram-orchestrate -q run ...` and `repram-orchestrate run -q ...` both work.
    // Commands read them through Verbosity, which looks up the command and its parents.
    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT,
            description = "No progress lines (periodic progress, engine start-up); results, warnings and errors stay.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "More detail: library log lines (Docker client) at info, run progress every second,"
                    + " and a failure's stack trace (as REPRAM_DEBUG=1).")
    void verbose(boolean on) {
        verbose = on;
        // Read once, when the first logger is made: nothing logs before the command line is parsed.
        if (on) System.setProperty(Verbosity.LOG_LEVEL_PROPERTY, "info");
    }

    boolean verbose;

    @Option(names = "--no-color", scope = ScopeType.INHERIT,
            description = "No ANSI colours or styles in help and output; also when the NO_COLOR variable is set.")
    void noColor(boolean on) {
        if (on && spec != null) spec.root().commandLine().setColorScheme(CommandLine.Help.defaultColorScheme(Ansi.OFF));
    }

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        TermSignal.exitLikeInterrupt();
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, also used by tests to run commands in-process. */
    public static CommandLine commandLine() {
        return commandLine(new Main());
    }

    /**
     * A command line for {@code command} (Main or any one command, as tests and {@code LoadCommand.main}
     * run them) with what every command shares: the duration flags' reader, and failures printed and
     * mapped to exit codes here rather than in each command.
     */
    public static CommandLine commandLine(Object command) {
        return commandLine(command, System.getenv());
    }

    /** {@link #commandLine(Object)} with the environment given, for tests of NO_COLOR. */
    static CommandLine commandLine(Object command, Map<String, String> env) {
        CommandLine cl = new CommandLine(command);
        // no-color.org: set and not empty means no colour, whatever its value.
        String noColor = env.get("NO_COLOR");
        if (noColor != null && !noColor.isEmpty()) cl.setColorScheme(CommandLine.Help.defaultColorScheme(Ansi.OFF));
        // Help as wide as the terminal (80 columns when it cannot tell, e.g. piped).
        cl.setUsageHelpAutoWidth(true);
        cl.registerConverter(Duration.class, new DurationConverter());
        cl.setExitCodeExceptionMapper(ExitCodes::forException);
        cl.setExecutionExceptionHandler(Main::printFailure);
        // Wrong flags and values are the user's to fix: exit 2 with the usage, not a stack trace.
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("repram-orchestrate: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, c.getErr());
            c.getErr().println("See: " + c.getCommandSpec().qualifiedName() + " --help");
            return ExitCodes.BAD_INPUT;
        });
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // -q with -v is a usage error for every command, before any of them starts anything.
        cl.setExecutionStrategy(parsed -> {
            List<CommandLine> commands = parsed.asCommandLineList();
            Verbosity.of(commands.get(commands.size() - 1).getCommandSpec());
            return new CommandLine.RunLast().execute(parsed);
        });
        return cl;
    }

    /** One line naming the command and what went wrong; the stack trace only when REPRAM_DEBUG is set. */
    private static int printFailure(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        String name = cl.getCommandSpec().qualifiedName();
        if (!name.startsWith(NAME)) name = NAME + " " + name;
        PrintWriter err = cl.getErr();
        err.println(name + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        String debug = System.getenv("REPRAM_DEBUG");
        if ((debug != null && !debug.isBlank()) || Verbosity.given(cl.getCommandSpec(), "--verbose")) e.printStackTrace(err);
        err.flush();
        return cl.getExitCodeExceptionMapper().getExitCode(e);
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCodes.BAD_INPUT;
    }

    /** This build's version and commit, e.g. {@code 0.1.0-SNAPSHOT (abc1234)}: in -V, run.json and agents' status. */
    public static String version() {
        return BuildVersion.current();
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"repram-orchestrate " + version()};
        }
    }
}
