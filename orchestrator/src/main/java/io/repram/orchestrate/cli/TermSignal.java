package io.repram.orchestrate.cli;

import sun.misc.Signal;

/**
 * SIGTERM (a cancelled CI job, {@code kill}, {@code docker stop}) handled like Ctrl-C: the JVM
 * shuts down through the same hooks (the run keeps its finished cells and removes its nodes) and
 * exits {@link ExitCodes#INTERRUPTED} as documented, where by default it would exit 143. Java has
 * no public API for signal handlers; {@code sun.misc.Signal} (module jdk.unsupported) is the one
 * the JDK keeps for this.
 */
final class TermSignal {
    private TermSignal() {
    }

    static void exitLikeInterrupt() {
        try {
            // System.exit from the handler's thread starts the shutdown hooks, as SIGINT's handler does.
            Signal.handle(new Signal("TERM"), signal -> System.exit(ExitCodes.INTERRUPTED));
        } catch (IllegalArgumentException unavailable) {
            // No SIGTERM here, or the JVM keeps it (-Xrs): the default exit code stays.
        }
    }
}
