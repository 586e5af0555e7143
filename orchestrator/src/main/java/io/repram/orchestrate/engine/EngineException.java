package io.repram.orchestrate.engine;

/**
 * A failure the user can act on. The message names the problem and the fix; {@link #reason()} says
 * which kind of failure it is, and the CLI alone maps that to an exit code.
 */
public class EngineException extends Exception {
    private final Reason reason;

    public EngineException(String message, Reason reason) {
        super(message);
        this.reason = reason;
    }

    public EngineException(String message, Reason reason, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
