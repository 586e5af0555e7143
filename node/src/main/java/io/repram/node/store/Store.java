package io.repram.node.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The in-memory TTL store. Keys are kept sorted so {@code /v1/keys} pages without sorting. Expiry is
 * checked on every read; {@link #sweep()} only reclaims memory.
 */
public final class Store {
    private final ConcurrentSkipListMap<String, Entry> map = new ConcurrentSkipListMap<>();
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
        NavigableMap<String, Entry> view = map;
        if (cursor != null && !cursor.isEmpty() && cursor.compareTo(p) >= 0) {
            view = map.tailMap(cursor, false);
        } else if (!p.isEmpty()) {
            view = map.tailMap(p, true);
        }
        long now = clockMillis.getAsLong();
        List<String> keys = new ArrayList<>(Math.min(limit, 1024));
        for (Map.Entry<String, Entry> e : view.entrySet()) {
            if (!e.getKey().startsWith(p)) {
                break;
            }
            if (e.getValue().expiredAt(now)) {
                continue;
            }
            if (keys.size() == limit) {
                return new KeysPage(keys, keys.get(keys.size() - 1));
            }
            keys.add(e.getKey());
        }
        return new KeysPage(keys, null);
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
