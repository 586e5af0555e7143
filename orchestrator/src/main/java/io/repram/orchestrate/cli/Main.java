package io.repram.orchestrate.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;

@Command(name = Main.NAME,
        description = {"Scale-tests clusters of REPRAM nodes: starts N-node clusters (Docker or local JVMs),"
                + " runs a matrix of cluster sizes x concurrency x payload sizes, and reports throughput,"
                + " latency, resource use and what broke."},
        subcommands = {RunCommand.class, LoadCommand.class, AgentCommand.class, ImageCommand.class, ClusterCommand.class,
                CleanupCommand.class, DoctorCommand.class, ReportCommand.class, CompareCommand.class,
                ConsolidateCommand.class, BaselineCommand.class, MonitorCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Start here:",
                "  repram-orchestrate doctor                     check Docker, ports, the image",
                "  repram-orchestrate run scenarios/quick.yaml   3 nodes, 25 workers, 1 KB values, 60 s",
                "  repram-orchestrate run --help                 every option of a run",
                "", "Exit codes: 0 ok, 1 error, 2 bad usage or input, 3 Docker unavailable, 4 port taken,",
                "  5 node unhealthy, 6 image missing, 99 threshold breached, 130 interrupted.",
                "A failure prints one line, repram-orchestrate COMMAND: MESSAGE, on stderr;",
                "  set REPRAM_DEBUG=1 to get its stack trace as well."},
        mixinStandardHelpOptions = true, versionProvider = Main.Version.class)
public final class Main implements Callable<Integer> {
    static final String NAME = "repram-orchestrate";

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
        CommandLine cl = new CommandLine(command);
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
        return cl;
    }

    /** One line naming the command and what went wrong; the stack trace only when REPRAM_DEBUG is set. */
    private static int printFailure(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        String name = cl.getCommandSpec().qualifiedName();
        if (!name.startsWith(NAME)) name = NAME + " " + name;
        PrintWriter err = cl.getErr();
        err.println(name + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        String debug = System.getenv("REPRAM_DEBUG");
        if (debug != null && !debug.isBlank()) e.printStackTrace(err);
        err.flush();
        return cl.getExitCodeExceptionMapper().getExitCode(e);
    }

    @Override
    public Integer call() {
        CommandLine.usage(this, System.out);
        return ExitCodes.BAD_INPUT;
    }

    public static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"repram-orchestrate " + version()};
        }
    }
}
