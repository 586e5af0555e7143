package io.repram.node.store;

/** A stored value; immutable, so readers never see a half-written entry. */
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
    static long footprint(String key, byte[] value) {
        return (long) key.length() * 2 + value.length;
    }
}
