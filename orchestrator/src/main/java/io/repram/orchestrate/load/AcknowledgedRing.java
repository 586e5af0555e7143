package io.repram.orchestrate.load;

/**
 * The latest PUTs one loop saw answered 201, for the end-of-cell audit. Two array stores per
 * acknowledgement, overwritten oldest first; read only after the loop's thread has ended.
 */
final class AcknowledgedRing {

    private final int[] keyIds;
    private final long[] ackedAtNanos;
    private int size;
    private int next;

    AcknowledgedRing(int capacity) {
        this.keyIds = new int[Math.max(1, capacity)];
        this.ackedAtNanos = new long[keyIds.length];
    }

    void add(int keyId, long nowNanos) {
        keyIds[next] = keyId;
        ackedAtNanos[next] = nowNanos;
        next = next + 1 == keyIds.length ? 0 : next + 1;
        if (size < keyIds.length) {
            size++;
        }
    }

    int size() {
        return size;
    }

    int keyId(int i) {
        return keyIds[i];
    }

    long ackedAtNanos(int i) {
        return ackedAtNanos[i];
    }
}
