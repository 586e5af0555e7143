package io.repram.orchestrate.engine;

/**
 * A failure the user can act on. The message names the problem and the fix; {@link #exitCode()}
 * is the process exit code the CLI uses for it.
 */
public class EngineException extends Exception {
    private final int exitCode;

    public EngineException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    public EngineException(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
