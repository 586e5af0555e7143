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
 * The in-memory TTL store. Expiry is checked on every read; {@link #sweep()} only reclaims memory.
 * A hash map, not a sorted one: every replicated write lands here on every node, while {@code /v1/keys}
 * is an occasional listing. With a skip list, inserts were a quarter of a gossip receiver's CPU
 * (JFR, 3 nodes under replicated PUT load); listing now picks the page's keys with a bounded heap.
 */
public final class Store {
    private final ConcurrentHashMap<String, Entry> map = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();
    private final long maxBytes;
    private final LongSupplier clockMillis;

    /** @param maxBytes the storage cap; 0 means unlimited */
    public Store(long maxBytes, LongSupplier clockMillis) {
        this.maxBytes = maxBytes;
        this.clockMillis = clockMillis;
    }

    public Store(long maxBytes) {
        this(maxBytes, System::currentTimeMillis);
    }

    /** @return false when the value would exceed the storage cap (nothing is stored then) */
    public boolean put(String key, byte[] value, int ttlSeconds) {
        long size = Entry.footprint(key, value);
        // Reserve first so concurrent writers cannot overshoot the cap together. An overwrite near the
        // cap is refused even if it would fit after the old value is released: conservative on purpose.
        long after = bytes.addAndGet(size);
        if (maxBytes > 0 && after > maxBytes) {
            bytes.addAndGet(-size);
            return false;
        }
        Entry old = map.put(key, new Entry(value, clockMillis.getAsLong(), ttlSeconds));
        if (old != null) {
            bytes.addAndGet(-Entry.footprint(key, old.value()));
        }
        return true;
    }

    /** @return the live entry, or null when missing or expired */
    public Entry get(String key) {
        Entry e = map.get(key);
        if (e == null) {
            return null;
        }
        if (e.expiredAt(clockMillis.getAsLong())) {
            remove(key, e);
            return null;
        }
        return e;
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
        for (Map.Entry<String, Entry> e : map.entrySet()) {
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
        for (Map.Entry<String, Entry> e : map.entrySet()) {
            if (e.getValue().expiredAt(now) && remove(e.getKey(), e.getValue())) {
                removed++;
            }
        }
        return removed;
    }

    public int items() {
        return map.size();
    }

    public long bytes() {
        return bytes.get();
    }

    public long maxBytes() {
        return maxBytes;
    }

    private boolean remove(String key, Entry e) {
        if (map.remove(key, e)) {
            bytes.addAndGet(-Entry.footprint(key, e.value()));
            return true;
        }
        return false;
    }
}
