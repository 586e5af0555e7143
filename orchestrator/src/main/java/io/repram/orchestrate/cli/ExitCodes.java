package io.repram.orchestrate.cli;

import io.repram.orchestrate.engine.EngineException;
import io.repram.orchestrate.engine.Reason;
import io.repram.orchestrate.monitor.MonitorException;
import io.repram.orchestrate.results.ResultsException;
import io.repram.orchestrate.scenario.ScenarioException;

/** Process exit codes, documented in README and in every command's --help. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int ERROR = 1;
    public static final int BAD_INPUT = 2;
    /** The Docker daemon is down or its socket is not permitted. */
    public static final int DOCKER_UNAVAILABLE = 3;
    /** A requested port is already taken. */
    public static final int PORT_IN_USE = 4;
    /** A node did not become healthy in time. */
    public static final int NODE_UNHEALTHY = 5;
    /** The node image is missing and could not be built. */
    public static final int IMAGE_MISSING = 6;
    /** Interrupted by Ctrl-C / SIGTERM; finished scenarios are on disk. */
    public static final int INTERRUPTED = 130;
    public static final int THRESHOLD_BREACHED = 99;

    /** The one place a failure's reason becomes an exit code. */
    public static int of(Reason reason) {
        return switch (reason) {
            case ERROR -> ERROR;
            case BAD_INPUT -> BAD_INPUT;
            case DAEMON_UNAVAILABLE -> DOCKER_UNAVAILABLE;
            case PORT_IN_USE -> PORT_IN_USE;
            case NODE_UNHEALTHY -> NODE_UNHEALTHY;
            case IMAGE_MISSING -> IMAGE_MISSING;
            case INTERRUPTED -> INTERRUPTED;
        };
    }

    /**
     * The exit code of a failure a command let escape; {@link Main} prints its message. Input the
     * user can fix (a scenario, a results directory, a flag's value) is {@link #BAD_INPUT}; engine
     * and monitor failures carry their reason; anything else is an {@link #ERROR}.
     */
    static int forException(Throwable e) {
        if (e instanceof CommandFailure f) return f.exitCode();
        if (e instanceof EngineException ee) return of(ee.reason());
        if (e instanceof MonitorException me) return of(me.reason());
        if (e instanceof ScenarioException || e instanceof ResultsException || e instanceof IllegalArgumentException) {
            return BAD_INPUT;
        }
        return ERROR;
    }

    private ExitCodes() {
    }
}
