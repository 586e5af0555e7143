package io.repram.orchestrate.load;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * What one I/O loop measured. Written only by that loop's thread and read by the reporting thread:
 * single-writer recorders and lazily published counters cost the writer next to nothing.
 */
final class LoopStats {

    static final long LOWEST_NANOS = 1_000;
    static final long HIGHEST_NANOS = TimeUnit.MINUTES.toNanos(10);
    static final int SIGNIFICANT_DIGITS = 3;

    private final SingleWriterRecorder putLatency = newRecorder();
    private final SingleWriterRecorder getLatency = newRecorder();
    private final SingleWriterRecorder sendSlip = newRecorder();
    /** {@link Outcome#SLOTS} counters per node (target index); the loop's totals are their sums. */
    private final AtomicLongArray counters;
    private final int nodes;
    private Histogram putRecycle;
    private Histogram getRecycle;
    private Histogram slipRecycle;

    LoopStats(int nodes) {
        this.nodes = Math.max(1, nodes);
        this.counters = new AtomicLongArray(this.nodes * Outcome.SLOTS);
    }

    static Histogram newHistogram() {
        return new Histogram(LOWEST_NANOS, HIGHEST_NANOS, SIGNIFICANT_DIGITS);
    }

    private static SingleWriterRecorder newRecorder() {
        return new SingleWriterRecorder(LOWEST_NANOS, HIGHEST_NANOS, SIGNIFICANT_DIGITS);
    }

    /** A complete HTTP response; its latency is recorded whatever the status. */
    void response(int node, int op, int status, long latencyNanos) {
        long clamped = Math.min(Math.max(latencyNanos, 0), HIGHEST_NANOS);
        (op == Outcome.PUT ? putLatency : getLatency).recordValue(clamped);
        int base = node * Outcome.SLOTS;
        if (Outcome.success(op, status)) {
            increment(base + Outcome.okSlot(op));
        } else {
            increment(base + Outcome.failedSlot(op));
            increment(base + Outcome.statusSlot(status));
        }
    }

    /** How late the loop sent a request that was due on a free connection; see {@link IntervalDetail}. */
    void sendSlip(long nanos) {
        sendSlip.recordValue(Math.min(Math.max(nanos, LOWEST_NANOS), HIGHEST_NANOS));
    }

    /** A request that got no response: timeout, refused connection or broken transport. */
    void failure(int node, int op, int errorSlot) {
        int base = node * Outcome.SLOTS;
        increment(base + Outcome.failedSlot(op));
        increment(base + errorSlot);
    }

    private void increment(int slot) {
        // Single writer: a plain read plus an ordered store is enough and avoids a locked add.
        counters.lazySet(slot, counters.get(slot) + 1);
    }

    int nodes() {
        return nodes;
    }

    /** Adds node {@code node}'s counters (indexed by {@link Outcome} slot) to {@code sums}. */
    void addNodeCountersTo(int node, long[] sums) {
        int base = node * Outcome.SLOTS;
        for (int i = 0; i < sums.length; i++) {
            sums[i] += counters.get(base + i);
        }
    }

    /** Moves the latencies recorded since the last call into the two targets. */
    void drainLatencies(Histogram putTarget, Histogram getTarget) {
        putRecycle = putLatency.getIntervalHistogram(putRecycle);
        getRecycle = getLatency.getIntervalHistogram(getRecycle);
        putTarget.add(putRecycle);
        getTarget.add(getRecycle);
    }

    /** Moves the send slips recorded since the last call into {@code target}. */
    void drainSendSlip(Histogram target) {
        slipRecycle = sendSlip.getIntervalHistogram(slipRecycle);
        target.add(slipRecycle);
    }
}
