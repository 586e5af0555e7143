package io.repram.node.store;

/**
 * A value as read from the {@link Store}: a heap copy of the off-heap bytes, taken while the store
 * guaranteed they were neither being overwritten nor freed, so it stays valid however long it is held.
 */
public record Entry(byte[] value, long createdAtMillis, int ttlSeconds) {

    public long expiresAtMillis() {
        return createdAtMillis + ttlSeconds * 1000L;
    }

    public boolean expiredAt(long nowMillis) {
        return nowMillis >= expiresAtMillis();
    }

    public long remainingSeconds(long nowMillis) {
        return Math.max(0, (expiresAtMillis() - nowMillis) / 1000);
    }

    /** What the entry counts against the storage cap. */
    static long footprint(int keyChars, int valueBytes) {
        return (long) keyChars * 2 + valueBytes;
    }
}
