package io.repram.orchestrate.cli;

/**
 * A command's failure whose exit code the exception's type does not tell, e.g. a results
 * directory that was read fine but could not be written (an error, not bad input).
 * {@link Main} prints the message like any other failure.
 */
final class CommandFailure extends RuntimeException {
    private final int exitCode;

    CommandFailure(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    CommandFailure(int exitCode, String message) {
        this(exitCode, message, null);
    }

    /** An error (exit 1) with the cause's message. */
    static CommandFailure error(Throwable cause) {
        return new CommandFailure(ExitCodes.ERROR, cause.getMessage(), cause);
    }

    int exitCode() {
        return exitCode;
    }
}
