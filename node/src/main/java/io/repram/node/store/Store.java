package io.repram.node.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The TTL store. The heap holds only the index (key to {@link Slot}: where the bytes are, their
 * length and expiry); value bytes live off the heap in {@link Slabs}, so a large live set does not
 * make garbage collection slower. Expiry is checked on every read; {@link #sweep()} reclaims memory.
 * A hash map, not a sorted one: every replicated write lands here on every node, while {@code /v1/keys}
 * is an occasional listing. With a skip list, inserts were a quarter of a gossip receiver's CPU
 * (JFR, 3 nodes under replicated PUT load); listing now picks the page's keys with a bounded heap.
 *
 * <h2>Thread contract</h2>
 * Any number of threads may call {@link #put}, {@link #get}, {@link #keys} and {@link #sweep}
 * concurrently, on the same keys or not. A key's slot is its lock: a {@link #put} or {@link #get} of
 * one key holds it for the few instructions of a field update or for one copy of the value; nothing
 * else waits on anything but a size class's free-list lock.
 * <ul>
 *   <li>A {@link #put} copies the value off the heap first, then, holding the key's slot, points the
 *       slot at the new chunk (or publishes a new slot for a new key), and frees the old chunk after
 *       letting go: a reader that takes the slot afterwards sees all of the new bytes.</li>
 *   <li>A {@link #get} returns either the previous or the new value of a key being overwritten,
 *       whole, or null; never a mix and never bytes that were freed: it copies the bytes into a fresh
 *       array while holding the slot, and chunks are freed only by a thread that has changed or
 *       removed the slot under that same lock.</li>
 *   <li>The copy is what makes a slow client harmless: the response is written from the heap copy,
 *       and no off-heap chunk is held while a socket drains.</li>
 *   <li>A key is removed (expiry, sweep, close) by marking its slot removed under the lock and then
 *       taking it out of the index; a {@link #put} that finds a removed slot takes it out itself and
 *       inserts a new one, so no write is lost to a concurrent expiry.</li>
 *   <li>Expiry and overwrite free the space: {@link #bytes()} and the slabs' used bytes return to 0
 *       when every value has gone; a size class keeps at most one empty 1 MiB slab.</li>
 *   <li>{@link #close()} frees every value; it must come after the last writer (the node stops its
 *       HTTP server first). Readers still copying finish first: close takes each slot's lock.</li>
 * </ul>
 */
public final class Store implements AutoCloseable {
    private final ConcurrentHashMap<String, Slot> map = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();
    private final long maxBytes;
    private final Slabs slabs;
    private final LongSupplier clockMillis;

    /**
     * @param maxBytes         the storage cap on stored bytes (keys and values); 0 means unlimited
     * @param maxOffHeapBytes  the most direct memory the slabs may hold (chunks rounded up, slabs with
     *                         free chunks); 0 means only the JVM's direct-memory limit applies
     */
    public Store(long maxBytes, long maxOffHeapBytes, LongSupplier clockMillis) {
        this.maxBytes = maxBytes;
        this.slabs = new Slabs(maxOffHeapBytes);
        this.clockMillis = clockMillis;
    }

    /** @param maxBytes the storage cap; 0 means unlimited */
    public Store(long maxBytes, LongSupplier clockMillis) {
        this(maxBytes, 0, clockMillis);
    }

    public Store(long maxBytes) {
        this(maxBytes, System::currentTimeMillis);
    }

    /** @return false when the value would exceed the storage cap (nothing is stored then) */
    public boolean put(String key, byte[] value, int ttlSeconds) {
        long size = Entry.footprint(key, value.length);
        // Reserve first so concurrent writers cannot overshoot the cap together. An overwrite near the
        // cap is refused even if it would fit after the old value is released: conservative on purpose.
        long after = bytes.addAndGet(size);
        if (maxBytes > 0 && after > maxBytes) {
            bytes.addAndGet(-size);
            return false;
        }
        long handle = slabs.store(value);
        if (handle == Slabs.NO_MEMORY) {
            bytes.addAndGet(-size);
            return false;
        }
        long now = clockMillis.getAsLong();
        for (;;) {
            Slot s = map.get(key);
            if (s == null) {
                if (map.putIfAbsent(key, new Slot(handle, value.length, now, ttlSeconds)) == null) {
                    return true;
                }
                continue; // another writer inserted the key first: overwrite its slot
            }
            long oldHandle;
            int oldLength;
            synchronized (s) {
                if (s.removed) {
                    // Being removed (expiry): finish taking it out, so that the retry can insert.
                    map.remove(key, s);
                    continue;
                }
                oldHandle = s.handle;
                oldLength = s.length;
                s.set(handle, value.length, now, ttlSeconds);
            }
            bytes.addAndGet(-Entry.footprint(key, oldLength));
            slabs.free(oldHandle);
            return true;
        }
    }

    /** @return a copy of the live value, or null when missing or expired */
    public Entry get(String key) {
        Slot s = map.get(key);
        if (s == null) {
            return null;
        }
        long now = clockMillis.getAsLong();
        synchronized (s) {
            if (s.removed) {
                return null; // removed since the lookup: the key had no value at that moment
            }
            if (!s.expiredAt(now)) {
                return new Entry(slabs.copy(s.handle, s.length), s.createdAtMillis, s.ttlSeconds);
            }
        }
        removeExpired(key, s, now);
        return null;
    }

    /**
     * Sorted live keys after {@code cursor} (exclusive) that start with {@code prefix}.
     *
     * @param limit at most this many keys; a next cursor is returned when more remain
     */
    public KeysPage keys(String prefix, int limit, String cursor) {
        String p = prefix == null ? "" : prefix;
        String after = cursor == null || cursor.isEmpty() ? null : cursor;
        long now = clockMillis.getAsLong();
        // The limit + 1 smallest matching keys, largest on top; the extra one says whether more remain.
        int keep = limit + 1;
        PriorityQueue<String> smallest = new PriorityQueue<>(Math.min(keep, 1024), Collections.reverseOrder());
        for (Map.Entry<String, Slot> e : map.entrySet()) {
            String key = e.getKey();
            if (!key.startsWith(p) || (after != null && key.compareTo(after) <= 0) || e.getValue().expiredAt(now)) {
                continue;
            }
            if (smallest.size() < keep) {
                smallest.add(key);
            } else if (key.compareTo(smallest.peek()) < 0) {
                smallest.poll();
                smallest.add(key);
            }
        }
        boolean more = smallest.size() > limit;
        if (more) {
            smallest.poll();
        }
        List<String> keys = new ArrayList<>(smallest);
        Collections.sort(keys);
        return new KeysPage(keys, more ? keys.get(keys.size() - 1) : null);
    }

    /** Removes every expired entry; returns how many went. */
    public int sweep() {
        long now = clockMillis.getAsLong();
        int removed = 0;
        for (Map.Entry<String, Slot> e : map.entrySet()) {
            if (e.getValue().expiredAt(now) && removeExpired(e.getKey(), e.getValue(), now)) {
                removed++;
            }
        }
        return removed;
    }

    public int items() {
        return map.size();
    }

    /** Stored bytes, counted against the cap: each key's UTF-16 length × 2 plus its value's length. */
    public long bytes() {
        return bytes.get();
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** Off-heap bytes in chunks that hold values (values rounded up to their size class). */
    public long offHeapUsedBytes() {
        return slabs.usedBytes();
    }

    /** Off-heap bytes held: every slab, full or not, and the buffers of large values. */
    public long offHeapCommittedBytes() {
        return slabs.committedBytes();
    }

    /** Frees every value and every empty slab (see the thread contract above). */
    @Override
    public void close() {
        for (Map.Entry<String, Slot> e : map.entrySet()) {
            removeExpired(e.getKey(), e.getValue(), Long.MAX_VALUE);
        }
        slabs.releaseEmpty();
    }

    /** Removes the key if {@code s} is still its slot and has expired by {@code nowMillis} (checked under its lock). */
    private boolean removeExpired(String key, Slot s, long nowMillis) {
        long handle;
        int length;
        synchronized (s) {
            if (s.removed || !s.expiredAt(nowMillis)) {
                return false;
            }
            s.removed = true;
            handle = s.handle;
            length = s.length;
        }
        map.remove(key, s);
        bytes.addAndGet(-Entry.footprint(key, length));
        slabs.free(handle);
        return true;
    }
}
