package io.repram.orchestrate.cli;

import io.repram.orchestrate.engine.EngineException;
import io.repram.orchestrate.engine.Reason;
import io.repram.orchestrate.monitor.MonitorException;
import io.repram.orchestrate.results.ResultsException;
import io.repram.orchestrate.scenario.ScenarioException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Failures are printed and turned into exit codes in one place, {@link Main}, for every command. */
class MainFailureTest {

    @Command(name = "probe", subcommands = Probe.Sub.class)
    static final class Probe implements Callable<Integer> {
        static Exception toThrow;

        @Override
        public Integer call() throws Exception {
            throw toThrow;
        }

        @Command(name = "sub")
        static final class Sub implements Callable<Integer> {
            @Override
            public Integer call() throws Exception {
                throw toThrow;
            }
        }
    }

    private final Captured console = new Captured();

    private int failWith(Exception e, String... args) {
        Probe.toThrow = e;
        console.reset();
        return console.run(new Probe(), args);
    }

    @Test
    void engineAndMonitorFailuresExitWithTheirReason() {
        assertEquals(ExitCodes.PORT_IN_USE, failWith(new EngineException("port 8080 is taken", Reason.PORT_IN_USE)));
        assertEquals("repram-orchestrate probe: port 8080 is taken\n", console.err());
        assertEquals(ExitCodes.DOCKER_UNAVAILABLE, failWith(new MonitorException("no daemon", Reason.DAEMON_UNAVAILABLE)));
        assertEquals(ExitCodes.NODE_UNHEALTHY, failWith(new EngineException("node-1 unhealthy", Reason.NODE_UNHEALTHY)));
        assertEquals(ExitCodes.INTERRUPTED, failWith(new EngineException("stopped", Reason.INTERRUPTED)));
    }

    @Test
    void inputTheUserCanFixIsBadInput() {
        assertEquals(ExitCodes.BAD_INPUT, failWith(new ScenarioException("quick.yaml:4:3: unknown key 'concurency'")));
        assertTrue(console.err().contains("quick.yaml:4:3"), console.err());
        assertEquals(ExitCodes.BAD_INPUT, failWith(new ResultsException("x is not a results directory")));
        assertEquals(ExitCodes.BAD_INPUT, failWith(new IllegalArgumentException("--top must be at least 1")));
        assertEquals("repram-orchestrate probe: --top must be at least 1\n", console.err());
    }

    @Test
    void anExplicitCodeWinsAndAnythingElseIsAnErrorWithItsMessage() {
        assertEquals(ExitCodes.ERROR, failWith(CommandFailure.error(new ResultsException("cannot write report.md"))));
        assertEquals("repram-orchestrate probe: cannot write report.md\n", console.err());
        assertEquals(ExitCodes.PORT_IN_USE, failWith(new CommandFailure(ExitCodes.PORT_IN_USE, "cannot listen")));
        assertEquals(ExitCodes.ERROR, failWith(new IllegalStateException("boom")));
        assertEquals("repram-orchestrate probe: boom\n", console.err());
        assertEquals(ExitCodes.ERROR, failWith(new NullPointerException()));
        assertEquals("repram-orchestrate probe: java.lang.NullPointerException\n", console.err(), "no message: the type");
    }

    @Test
    void theLineNamesTheSubcommandAndHasNoStackTrace() {
        assumeTrue(System.getenv("REPRAM_DEBUG") == null, "REPRAM_DEBUG asks for stack traces");
        assertEquals(ExitCodes.BAD_INPUT, failWith(new IllegalArgumentException("several clusters are up"), "sub"));
        assertEquals("repram-orchestrate probe sub: several clusters are up\n", console.err());
    }

    @Test
    void theRealCommandLineMapsToo() {
        // `report` on a directory that is no results directory: a ResultsException from the reader.
        assertEquals(ExitCodes.BAD_INPUT, console.run(new Main(), "report", "/nonexistent-results-dir"));
        assertTrue(console.err().startsWith("repram-orchestrate report: /nonexistent-results-dir is not a results directory"),
                console.err());
    }
}
