package io.repram.orchestrate.engine;

/**
 * Why an operation failed, in the terms the user acts on. Lower layers report a reason; only the
 * CLI turns a reason into a process exit code (see {@code cli.ExitCodes#of}).
 */
public enum Reason {
    /** Something unexpected; the message says what. */
    ERROR,
    /** The user's input (flags, scenario, results directory) is wrong; nothing was started. */
    BAD_INPUT,
    /** The Docker daemon is down, its socket is not permitted, or it is no swarm manager. */
    DAEMON_UNAVAILABLE,
    /** A requested port is already taken. */
    PORT_IN_USE,
    /** A node did not become healthy, or did not see its peers, in time. */
    NODE_UNHEALTHY,
    /** The node image is missing and could not be built. */
    IMAGE_MISSING,
    /** Ctrl-C, SIGTERM or an interrupted thread stopped the operation. */
    INTERRUPTED
}
