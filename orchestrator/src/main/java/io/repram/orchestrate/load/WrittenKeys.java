package io.repram.orchestrate.load;

import java.util.SplittableRandom;

/**
 * The most recent keys that one loop wrote successfully, with when. GETs draw from here so that they
 * only ask for keys that exist; entries about to outlive their TTL are not handed out. Fixed arrays,
 * overwritten oldest first.
 */
final class WrittenKeys {

    static final int MAX_CAPACITY = 1 << 16;
    /** Keys this close to expiry are not read, so that clock and rounding differences cause no 404. */
    private static final long EXPIRY_MARGIN_NANOS = 2_000_000_000L;

    private final int[] keyIds;
    private final long[] writtenAtNanos;
    private final long usableForNanos;
    private int size;
    private int next;

    WrittenKeys(int keySpace, int ttlSeconds) {
        int capacity = Math.min(keySpace, MAX_CAPACITY);
        this.keyIds = new int[capacity];
        this.writtenAtNanos = new long[capacity];
        this.usableForNanos = Math.max(0, ttlSeconds * 1_000_000_000L - EXPIRY_MARGIN_NANOS);
    }

    void add(int keyId, long nowNanos) {
        keyIds[next] = keyId;
        writtenAtNanos[next] = nowNanos;
        next = next + 1 == keyIds.length ? 0 : next + 1;
        if (size < keyIds.length) {
            size++;
        }
    }

    /** A random written key that has not expired yet, or -1 when there is none. */
    int pick(SplittableRandom random, long nowNanos) {
        if (size == 0) {
            return -1;
        }
        int slot = random.nextInt(size);
        if (nowNanos - writtenAtNanos[slot] > usableForNanos) {
            return -1;
        }
        return keyIds[slot];
    }

    int size() {
        return size;
    }
}
