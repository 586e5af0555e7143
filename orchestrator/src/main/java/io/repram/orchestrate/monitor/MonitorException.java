package io.repram.orchestrate.monitor;

/** What the user must fix before the monitor can start; carries the exit code. */
public final class MonitorException extends Exception {
    private final int exitCode;

    public MonitorException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
