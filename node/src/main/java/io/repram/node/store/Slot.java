package io.repram.node.store;

/**
 * What the heap keeps per key: the {@link Slabs} handle of the value's bytes, their length and the
 * expiry. A key keeps one slot for as long as it stays in the index; an overwrite rewrites the slot's
 * fields in place instead of pointing the index at a new object.
 *
 * <p>Why in place: the index and its slots are old-generation objects once the live set has filled.
 * A new slot per write made every overwrite store a reference from an old map node to a young
 * object; G1 then rescans that node's card at every young collection until the slot is promoted (15
 * collections by default). With 1,000,000 keys under replicated PUT load that was 40-45 thousand
 * cards per young pause on each node, 17 ms of "Scan Heap Roots" and pause medians of 30 ms
 * ({@code -Xlog:gc*=debug}, node/bench/live-set.sh, 2026-12-04). Fields of primitives pass no GC
 * write barrier, so an overwrite now leaves the old generation untouched.
 *
 * <h2>Thread contract</h2>
 * Every field but {@link #expiresAtMillis} is read and written only while holding the slot's monitor.
 * A reader copies the bytes out while holding it, so a writer that rewrote the fields (under the
 * monitor) can free the previous chunk as soon as it lets go: no reader can still be copying it.
 * {@code removed} is set once, by the thread that takes the slot out of the index; a slot is never
 * reused after that. {@link #expiresAtMillis} is volatile so that sweeping and listing can skip live
 * slots without taking their monitors; whoever acts on an expiry checks it again under the monitor.
 */
final class Slot {
    long handle;
    int length;
    long createdAtMillis;
    int ttlSeconds;
    boolean removed;
    private volatile long expiresAtMillis;

    Slot(long handle, int length, long createdAtMillis, int ttlSeconds) {
        set(handle, length, createdAtMillis, ttlSeconds);
    }

    /** Under the monitor (or before the slot is published). */
    void set(long handle, int length, long createdAtMillis, int ttlSeconds) {
        this.handle = handle;
        this.length = length;
        this.createdAtMillis = createdAtMillis;
        this.ttlSeconds = ttlSeconds;
        this.expiresAtMillis = createdAtMillis + ttlSeconds * 1000L;
    }

    /** Safe without the monitor; may be a moment stale, so act on it only after checking under it. */
    boolean expiredAt(long nowMillis) {
        return nowMillis >= expiresAtMillis;
    }
}
