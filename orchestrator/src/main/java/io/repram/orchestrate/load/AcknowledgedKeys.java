package io.repram.orchestrate.load;

import java.util.SplittableRandom;

/**
 * Every PUT one loop saw answered 201 over the whole cell, for the end-of-cell audit. Up to
 * {@link #MAX_TRACKED_KEYS} keys in the loop's range: one int per key, the latest acknowledgement.
 * Above that, a uniform reservoir sample of {@link #SAMPLE_SIZE} acknowledgements (Vitter's
 * algorithm R). Either way one or two array stores per acknowledgement and nothing allocated;
 * read only after the loop's thread has ended.
 */
final class AcknowledgedKeys {

    /** Key ranges up to this size are tracked key by key: 4 MB per loop at the limit. */
    static final int MAX_TRACKED_KEYS = 1 << 20;
    /** Acknowledgements kept per loop above {@link #MAX_TRACKED_KEYS}. */
    static final int SAMPLE_SIZE = 100_000;

    private final int keyOffset;
    private final long baseNanos;
    /** Per key of the range: milliseconds after {@code baseNanos} of its latest acknowledgement, plus 1; 0 = none. */
    private final int[] latestMillis;
    private final int[] sampleKeyIds;
    private final int[] sampleMillis;
    private final SplittableRandom random;
    private long acknowledgements;

    AcknowledgedKeys(int keyOffset, int keyCount, long baseNanos, long seed) {
        this(keyOffset, keyCount, baseNanos, seed, MAX_TRACKED_KEYS, SAMPLE_SIZE);
    }

    AcknowledgedKeys(int keyOffset, int keyCount, long baseNanos, long seed, int maxTrackedKeys, int sampleSize) {
        this.keyOffset = keyOffset;
        this.baseNanos = baseNanos;
        boolean whole = keyCount <= maxTrackedKeys;
        this.latestMillis = whole ? new int[keyCount] : null;
        this.sampleKeyIds = whole ? null : new int[sampleSize];
        this.sampleMillis = whole ? null : new int[sampleSize];
        this.random = new SplittableRandom(seed);
    }

    void add(int keyId, long nowNanos) {
        int at = (int) ((nowNanos - baseNanos) / 1_000_000) + 1;
        long n = acknowledgements++;
        if (latestMillis != null) {
            latestMillis[keyId - keyOffset] = at;
            return;
        }
        int slot;
        if (n < sampleKeyIds.length) {
            slot = (int) n;
        } else {
            long j = random.nextLong(n + 1);
            if (j >= sampleKeyIds.length) {
                return;
            }
            slot = (int) j;
        }
        sampleKeyIds[slot] = keyId;
        sampleMillis[slot] = at;
    }

    /** True when this loop kept a sample rather than every key. */
    boolean sampled() {
        return latestMillis == null;
    }

    /** PUTs answered 201, all of them, sampled or not. */
    long acknowledgements() {
        return acknowledgements;
    }

    /** Calls {@code sink} once per tracked key (whole) or per kept acknowledgement (sample). */
    void forEach(Sink sink) {
        if (latestMillis != null) {
            for (int i = 0; i < latestMillis.length; i++) {
                if (latestMillis[i] != 0) {
                    sink.accept(keyOffset + i, nanosOf(latestMillis[i]));
                }
            }
            return;
        }
        int kept = (int) Math.min(acknowledgements, sampleKeyIds.length);
        for (int i = 0; i < kept; i++) {
            sink.accept(sampleKeyIds[i], nanosOf(sampleMillis[i]));
        }
    }

    private long nanosOf(int millisPlusOne) {
        return baseNanos + (millisPlusOne - 1) * 1_000_000L;
    }

    @FunctionalInterface
    interface Sink {
        void accept(int keyId, long ackedAtNanos);
    }
}
