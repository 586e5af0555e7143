package io.repram.orchestrate.engine.docker.reaper;

/**
 * Decides when the orchestrator is gone: no connection for {@code graceMillis} after the last one
 * closed, or none at all within {@code firstContactMillis} of start (it died before connecting).
 * Times are passed in so the rule is testable without sleeping.
 */
public final class Vigil {
    private final long graceNanos;
    private final long firstContactNanos;
    private int live;
    private boolean everConnected;
    private long emptySinceNanos;

    public Vigil(long graceMillis, long firstContactMillis, long nowNanos) {
        this.graceNanos = graceMillis * 1_000_000L;
        this.firstContactNanos = firstContactMillis * 1_000_000L;
        this.emptySinceNanos = nowNanos;
    }

    public synchronized void connected() {
        live++;
        everConnected = true;
    }

    public synchronized void disconnected(long nowNanos) {
        live--;
        if (live == 0) emptySinceNanos = nowNanos;
    }

    public synchronized boolean everConnected() {
        return everConnected;
    }

    public synchronized boolean expired(long nowNanos) {
        return live == 0 && nowNanos - emptySinceNanos >= (everConnected ? graceNanos : firstContactNanos);
    }
}
