package io.repram.orchestrate.run;

import java.util.concurrent.locks.LockSupport;

/**
 * How long this JVM could not run a thread on time, as jHiccup measures it: a thread that parks for
 * 1 ms over and over and adds up how much later than that it woke. A stop of the whole JVM (a
 * safepoint) or of the machine (another process holding both cores) shows here; a stall of the load
 * generator's own threads does not, so a test can tell the two apart.
 *
 * <p>Thread contract: {@link #start} and {@link #stop} from one test thread; the meter's own thread
 * writes the totals, which {@link #stop} reads after joining it.
 */
final class Hiccups {

    private static final long TICK_NANOS = 1_000_000;

    private final long stallNanos;
    private volatile boolean running = true;
    private long stalledNanos;
    private long longestNanos;
    private long startedNanos;
    private long stoppedNanos;
    private final Thread thread = new Thread(this::measure, "hiccup-meter");

    /** @param stallMillis a wake-up later than this counts as a stall */
    Hiccups(long stallMillis) {
        this.stallNanos = stallMillis * 1_000_000;
        thread.setDaemon(true);
    }

    Hiccups start() {
        startedNanos = System.nanoTime();
        thread.start();
        return this;
    }

    /** Stops the meter; the share of its time spent in stalls and the longest one follow. */
    Hiccups stop() throws InterruptedException {
        running = false;
        thread.join(5_000);
        stoppedNanos = System.nanoTime();
        return this;
    }

    /** Time inside stalls longer than the threshold, as a share of the time measured. */
    double stalledShare() {
        long span = stoppedNanos - startedNanos;
        return span <= 0 ? 0 : stalledNanos / (double) span;
    }

    long longestMillis() {
        return longestNanos / 1_000_000;
    }

    private void measure() {
        while (running) {
            long before = System.nanoTime();
            LockSupport.parkNanos(TICK_NANOS);
            long late = System.nanoTime() - before - TICK_NANOS;
            if (late > stallNanos) {
                stalledNanos += late;
            }
            longestNanos = Math.max(longestNanos, late);
        }
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%.2f%% of the time in stalls over %d ms, longest %d ms",
                100 * stalledShare(), stallNanos / 1_000_000, longestMillis());
    }
}
