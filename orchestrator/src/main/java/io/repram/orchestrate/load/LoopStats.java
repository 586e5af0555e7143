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
    private final AtomicLongArray counters = new AtomicLongArray(Outcome.SLOTS);
    private Histogram putRecycle;
    private Histogram getRecycle;
    private Histogram slipRecycle;

    static Histogram newHistogram() {
        return new Histogram(LOWEST_NANOS, HIGHEST_NANOS, SIGNIFICANT_DIGITS);
    }

    private static SingleWriterRecorder newRecorder() {
        return new SingleWriterRecorder(LOWEST_NANOS, HIGHEST_NANOS, SIGNIFICANT_DIGITS);
    }

    /** A complete HTTP response; its latency is recorded whatever the status. */
    void response(int op, int status, long latencyNanos) {
        long clamped = Math.min(Math.max(latencyNanos, 0), HIGHEST_NANOS);
        (op == Outcome.PUT ? putLatency : getLatency).recordValue(clamped);
        if (Outcome.success(op, status)) {
            increment(Outcome.okSlot(op));
        } else {
            increment(Outcome.failedSlot(op));
            increment(Outcome.statusSlot(status));
        }
    }

    /** How late the loop sent a request that was due on a free connection; see {@link IntervalDetail}. */
    void sendSlip(long nanos) {
        sendSlip.recordValue(Math.min(Math.max(nanos, LOWEST_NANOS), HIGHEST_NANOS));
    }

    /** A request that got no response: timeout, refused connection or broken transport. */
    void failure(int op, int errorSlot) {
        increment(Outcome.failedSlot(op));
        increment(errorSlot);
    }

    private void increment(int slot) {
        // Single writer: a plain read plus an ordered store is enough and avoids a locked add.
        counters.lazySet(slot, counters.get(slot) + 1);
    }

    void addCountersTo(long[] sums) {
        for (int i = 0; i < sums.length; i++) {
            sums[i] += counters.get(i);
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
