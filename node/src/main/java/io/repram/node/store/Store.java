package io.repram.node.store;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The TTL store. Value bytes and key bytes live off the heap in {@link Slabs}; the heap holds only the
 * index, {@link Segment}s of primitive words with no object per key, so a large live set gives the
 * garbage collector nothing to trace. Expiry is checked on every read; {@link #sweep()} reclaims
 * memory. A hash index, not a sorted one: every replicated write lands here on every node, while
 * {@code /v1/keys} is an occasional listing. With a skip list, inserts were a quarter of a gossip
 * receiver's CPU (JFR, 3 nodes under replicated PUT load); listing picks the page's keys with a
 * bounded heap.
 *
 * <h2>Thread contract</h2>
 * Any number of threads may call {@link #put}, {@link #get}, {@link #keys} and {@link #sweep}
 * concurrently, on the same keys or not. A key belongs to one of {@value #SEGMENTS} segments (by the
 * low bits of its hash), and every step on a key holds that segment's monitor: a lookup, a table
 * update, or one copy of the value out. Nothing else waits on anything but a size class's free-list lock.
 * <ul>
 *   <li>A {@link #put} copies the value off the heap first, without the lock; then, holding the
 *       segment, points the key at the new chunk and frees the old one: a reader that takes the
 *       segment afterwards sees all of the new bytes.</li>
 *   <li>A {@link #get} returns either the previous or the new value of a key being overwritten,
 *       whole, or null; never a mix and never bytes that were freed: it copies the bytes into a fresh
 *       array while holding the segment, and chunks are freed only under that same lock, once the
 *       table no longer names them.</li>
 *   <li>The copy is what makes a slow client harmless: the response is written from the heap copy,
 *       and no off-heap chunk is held while a socket drains.</li>
 *   <li>An expired key is removed by whoever meets it under the lock (a get, a sweep); a put of an
 *       expired key simply overwrites it, so no write is lost to a concurrent expiry.</li>
 *   <li>Expiry and overwrite free the space: {@link #bytes()} and the slabs' used bytes return to 0
 *       when every value has gone; a size class keeps at most one empty 1 MiB slab, and a segment
 *       whose table is under a quarter full shrinks it.</li>
 *   <li>{@link #close()} frees every key and value; it must come after the last writer (the node
 *       stops its HTTP server first). Readers still copying finish first: close takes each segment.</li>
 * </ul>
 */
public final class Store implements AutoCloseable {
    /** Enough that two cores' worth of request threads rarely meet on one lock. */
    static final int SEGMENTS = 256;
    private final Segment[] segments = new Segment[SEGMENTS];
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
        for (int i = 0; i < SEGMENTS; i++) {
            segments[i] = new Segment(slabs, bytes);
        }
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
        byte[] utf8 = Key.utf8UnlessAscii(key);
        int hash = Key.hash(key, utf8);
        long size = Entry.footprint(key.length(), value.length);
        // Reserve first so concurrent writers cannot overshoot the cap together. An overwrite near the
        // cap is refused even if it would fit after the old value is released: conservative on purpose.
        long after = bytes.addAndGet(size);
        if (maxBytes > 0 && after > maxBytes) {
            bytes.addAndGet(-size);
            return false;
        }
        long handle = slabs.store(value);
        if (handle != Slabs.NO_MEMORY) {
            long expires = clockMillis.getAsLong() + ttlSeconds * 1000L;
            if (segment(hash).put(key, utf8, hash, handle, value.length, ttlSeconds, expires)) {
                return true;
            }
            slabs.free(handle); // the key's own bytes found no room
        }
        bytes.addAndGet(-size);
        return false;
    }

    /** @return a copy of the live value, or null when missing or expired */
    public Entry get(String key) {
        byte[] utf8 = Key.utf8UnlessAscii(key);
        int hash = Key.hash(key, utf8);
        return segment(hash).get(key, utf8, hash, clockMillis.getAsLong());
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
        // A String's prefix is a prefix of its UTF-8 bytes and the other way round, so the bytes are
        // filtered before any key is decoded.
        byte[] prefixBytes = p.getBytes(StandardCharsets.UTF_8);
        Consumer<String> offer = key -> {
            if (after != null && key.compareTo(after) <= 0) {
                return;
            }
            if (smallest.size() < keep) {
                smallest.add(key);
            } else if (key.compareTo(smallest.peek()) < 0) {
                smallest.poll();
                smallest.add(key);
            }
        };
        for (Segment segment : segments) {
            segment.liveKeys(prefixBytes, now, offer);
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
        for (Segment segment : segments) {
            removed += segment.removeExpired(now);
        }
        return removed;
    }

    public int items() {
        int items = 0;
        for (Segment segment : segments) {
            items += segment.size();
        }
        return items;
    }

    /** Stored bytes, counted against the cap: each key's UTF-16 length × 2 plus its value's length. */
    public long bytes() {
        return bytes.get();
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** Off-heap bytes in chunks that hold values and keys (each rounded up to its size class). */
    public long offHeapUsedBytes() {
        return slabs.usedBytes();
    }

    /** Off-heap bytes held: every slab, full or not, and the buffers of large values. */
    public long offHeapCommittedBytes() {
        return slabs.committedBytes();
    }

    /** Frees every key, value and empty slab (see the thread contract above). */
    @Override
    public void close() {
        for (Segment segment : segments) {
            segment.removeExpired(Long.MAX_VALUE);
        }
        slabs.releaseEmpty();
    }

    private Segment segment(int hash) {
        return segments[hash & (SEGMENTS - 1)];
    }
}
