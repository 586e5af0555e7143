package io.repram.orchestrate.engine;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits in tests for an observable condition, with a bounded deadline, instead of sleeping a fixed time. */
public final class Await {
    private static final long POLL_MILLIS = 50;

    private Await() {
    }

    /** True as soon as {@code condition} holds, false when it still does not after {@code within}. */
    public static boolean until(Duration within, BooleanSupplier condition) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) return false;
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** The first value {@code read} gives that {@code done} accepts, or the last one read at the deadline. */
    public static <T> T value(Duration within, Supplier<T> read, java.util.function.Predicate<T> done) {
        @SuppressWarnings("unchecked")
        T[] last = (T[]) new Object[1];
        until(within, () -> done.test(last[0] = read.get()));
        return last[0];
    }
}
