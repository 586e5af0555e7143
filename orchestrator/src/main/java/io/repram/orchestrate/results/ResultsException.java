package io.repram.orchestrate.results;

/** A results directory cannot be written or read; the message names the file and the fix. */
public final class ResultsException extends RuntimeException {
    public ResultsException(String message, Throwable cause) {
        super(message, cause);
    }

    public ResultsException(String message) {
        super(message);
    }
}
