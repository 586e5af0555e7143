package io.repram.orchestrate.load;

/**
 * Constant-rate arrivals: request i is meant to start at {@code start + i / rate}, whatever happened
 * to the ones before it. Requests that are due while every connection is busy form an implicit queue
 * (due but not yet taken), and their latency is counted from the intended start, so a stalled server
 * shows in the figures instead of silently slowing the generator down (coordinated omission).
 */
final class OpenLoopSchedule {

    private final long startNanos;
    private final double intervalNanos;
    private long taken;

    /**
     * @param startNanos    intended start of the first request ({@link System#nanoTime()} scale)
     * @param ratePerSecond arrivals per second on this schedule
     */
    OpenLoopSchedule(long startNanos, double ratePerSecond) {
        if (!(ratePerSecond > 0)) {
            throw new IllegalArgumentException("rate must be positive: " + ratePerSecond);
        }
        this.startNanos = startNanos;
        this.intervalNanos = 1e9 / ratePerSecond;
    }

    long intendedStart(long index) {
        return startNanos + (long) (index * intervalNanos);
    }

    /** Whether the next request's intended start has come. */
    boolean due(long nowNanos) {
        return intendedStart(taken) <= nowNanos;
    }

    /** Takes the next request and returns its intended start. */
    long take() {
        return intendedStart(taken++);
    }

    /** Requests due at {@code nowNanos} that are not taken yet. */
    long backlog(long nowNanos) {
        if (nowNanos < startNanos) {
            return 0;
        }
        long dueCount = (long) ((nowNanos - startNanos) / intervalNanos) + 1;
        return Math.max(0, dueCount - taken);
    }

    /** Nanoseconds until the next request is due; zero or less when it already is. */
    long nanosUntilNext(long nowNanos) {
        return intendedStart(taken) - nowNanos;
    }

    long taken() {
        return taken;
    }
}
