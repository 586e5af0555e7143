package io.repram.orchestrate.monitor;

import io.repram.orchestrate.engine.Reason;

/** What the user must fix before the monitor can start; the CLI maps its reason to the exit code. */
public final class MonitorException extends Exception {
    private final Reason reason;

    public MonitorException(String message, Reason reason) {
        super(message);
        this.reason = reason;
    }

    public MonitorException(String message, Reason reason, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
