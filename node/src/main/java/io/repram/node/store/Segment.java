package io.repram.node.store;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One lock's share of the {@link Store}'s index: an open-addressed table with linear probing, held in
 * one {@code long[]} of five words a key and no object per key. The words are the key's hash and
 * lengths, the {@link Slabs} handles of its UTF-8 bytes and of its value, the value's length and TTL,
 * and its expiry. The key bytes live off the heap like the values.
 *
 * <p>Why primitives: a live set of 1,000,000 keys as {@code ConcurrentHashMap<String, Slot>} was
 * 145 heap bytes and four objects a key (slot 48, map node 32, String 24 and its bytes 26; class
 * histogram after a full GC, 2026-12-04), which G1 traced, promoted and kept remembered sets for. A
 * table of longs holds no reference, so no collection scans it. Here a key costs 40 bytes per table
 * slot (64-80% full while keys are added; a table shrinks only below a quarter) and a 16-byte key
 * chunk off the heap: with 1,000,000 keys the live heap after a full GC is about 75 MB, 58 MB of it
 * these tables, where the map alone was 140 MB (node/README.md, Benchmark).
 *
 * <p>The slot index comes from the hash's high bits ({@code hash * capacity >>> 32}, so any capacity
 * works and the table grows by a quarter), the segment from its low bits ({@link Store}). Deletion
 * shifts the rest of the probe run back instead of leaving tombstones, so lookups never slow down as
 * keys come and go.
 *
 * <h2>Thread contract</h2>
 * Every method is {@code synchronized}: the monitor guards the table and {@code capacity}. Chunks are
 * freed while holding it, after the table no longer names them, so no reader in this segment can be
 * copying them. Lock order: a segment, then a size class's pool inside {@link Slabs}; no thread takes
 * a segment's monitor while holding a pool's. {@link #size()} may be read without the monitor.
 */
final class Segment {
    private static final int WORDS = 5;
    private static final int KEY = 0;
    private static final int KEY_HANDLE = 1;
    private static final int VALUE_HANDLE = 2;
    private static final int LENGTH_TTL = 3;
    private static final int EXPIRES = 4;
    /** Set in the KEY word of every used slot, so an unused slot is the only one whose word is 0. */
    private static final long USED = 1L << 63;
    private static final int MIN_CAPACITY = 16;

    private final Slabs slabs;
    /** The store's count of stored bytes, which a removal here lowers. */
    private final AtomicLong bytes;
    private long[] table = new long[MIN_CAPACITY * WORDS];
    private int capacity = MIN_CAPACITY;
    private volatile int size;

    Segment(Slabs slabs, AtomicLong bytes) {
        this.slabs = slabs;
        this.bytes = bytes;
    }

    /**
     * Points the key at the value's chunk; frees the chunk it replaces and lowers the byte count by
     * the replaced value's footprint.
     *
     * @return false only when a new key's bytes found no memory (nothing changed then)
     */
    synchronized boolean put(String key, byte[] utf8, int hash, long valueHandle, int length, int ttlSeconds, long expiresAtMillis) {
        long word = word(key, utf8, hash);
        int at = find(word, key, utf8);
        int base;
        if (at >= 0) {
            base = at * WORDS;
            long old = table[base + LENGTH_TTL];
            slabs.free(table[base + VALUE_HANDLE]);
            bytes.addAndGet(-Entry.footprint(key.length(), (int) (old >>> 32)));
        } else {
            long keyHandle = slabs.store(Key.bytes(key, utf8));
            if (keyHandle == Slabs.NO_MEMORY) {
                return false;
            }
            base = (-1 - at) * WORDS;
            table[base + KEY] = word;
            table[base + KEY_HANDLE] = keyHandle;
        }
        table[base + VALUE_HANDLE] = valueHandle;
        table[base + LENGTH_TTL] = (long) length << 32 | (ttlSeconds & 0xFFFFFFFFL);
        table[base + EXPIRES] = expiresAtMillis;
        if (at < 0) {
            size++;
            if (size > capacity / 5 * 4) {
                rehash(capacity + capacity / 4);
            }
        }
        return true;
    }

    /** @return a copy of the live value, or null; an expired value found here is removed */
    synchronized Entry get(String key, byte[] utf8, int hash, long nowMillis) {
        int at = find(word(key, utf8, hash), key, utf8);
        if (at < 0) {
            return null;
        }
        int base = at * WORDS;
        long expires = table[base + EXPIRES];
        if (nowMillis >= expires) {
            removeAt(at);
            shrinkIfSparse();
            return null;
        }
        long lengthTtl = table[base + LENGTH_TTL];
        int ttlSeconds = (int) lengthTtl;
        byte[] value = slabs.copy(table[base + VALUE_HANDLE], (int) (lengthTtl >>> 32));
        return new Entry(value, expires - ttlSeconds * 1000L, ttlSeconds);
    }

    /** Hands every live key whose UTF-8 bytes start with {@code prefix} to {@code sink}, decoded. */
    synchronized void liveKeys(byte[] prefix, long nowMillis, Consumer<String> sink) {
        for (int base = 0; base < capacity * WORDS; base += WORDS) {
            long word = table[base + KEY];
            if (word != 0 && nowMillis < table[base + EXPIRES]
                    && slabs.startsWith(table[base + KEY_HANDLE], keyBytes(word), prefix)) {
                sink.accept(Key.decode(slabs.copy(table[base + KEY_HANDLE], keyBytes(word))));
            }
        }
    }

    /** Removes every key expired by {@code nowMillis} (all of them for {@code Long.MAX_VALUE}). */
    synchronized int removeExpired(long nowMillis) {
        int removed = 0;
        int i = 0;
        while (i < capacity) {
            int base = i * WORDS;
            if (table[base + KEY] != 0 && nowMillis >= table[base + EXPIRES]) {
                // The shift may move a key not yet looked at into slot i: look at i again. Keys it
                // moves from the table's start into the end were looked at first, and were live.
                removeAt(i);
                removed++;
            } else {
                i++;
            }
        }
        shrinkIfSparse();
        return removed;
    }

    int size() {
        return size;
    }

    /**
     * @param word the key's {@link #word}
     * @return the slot holding the key, or {@code -1 - slot} for the unused slot where it would go
     */
    private int find(long word, String key, byte[] utf8) {
        int cap = capacity;
        long[] t = table;
        for (int i = home((int) word, cap); ; i = i + 1 == cap ? 0 : i + 1) {
            long w = t[i * WORDS + KEY];
            if (w == 0) {
                return -1 - i;
            }
            if (w == word && slabs.matches(t[i * WORDS + KEY_HANDLE], key, utf8)) {
                return i;
            }
        }
    }

    /** Frees the slot's chunks and empties it, shifting back the rest of its probe run. */
    private void removeAt(int slot) {
        int base = slot * WORDS;
        long word = table[base + KEY];
        slabs.free(table[base + KEY_HANDLE]);
        slabs.free(table[base + VALUE_HANDLE]);
        bytes.addAndGet(-Entry.footprint(keyChars(word), (int) (table[base + LENGTH_TTL] >>> 32)));
        int hole = slot;
        int cap = capacity;
        for (int j = next(hole, cap); table[j * WORDS + KEY] != 0; j = next(j, cap)) {
            int home = home((int) table[j * WORDS + KEY], cap);
            // The key at j may move into the hole unless its home lies cyclically in (hole, j].
            boolean stays = hole <= j ? hole < home && home <= j : hole < home || home <= j;
            if (!stays) {
                System.arraycopy(table, j * WORDS, table, hole * WORDS, WORDS);
                hole = j;
            }
        }
        Arrays.fill(table, hole * WORDS, hole * WORDS + WORDS, 0L);
        size--;
    }

    private void shrinkIfSparse() {
        if (capacity > MIN_CAPACITY && size < capacity / 4) {
            rehash(Math.max(MIN_CAPACITY, size * 2));
        }
    }

    private void rehash(int newCapacity) {
        long[] old = table;
        long[] t = new long[newCapacity * WORDS];
        for (int base = 0; base < old.length; base += WORDS) {
            if (old[base + KEY] != 0) {
                int i = home((int) old[base + KEY], newCapacity);
                while (t[i * WORDS + KEY] != 0) {
                    i = next(i, newCapacity);
                }
                System.arraycopy(old, base, t, i * WORDS, WORDS);
            }
        }
        table = t;
        capacity = newCapacity;
    }

    private static int next(int slot, int cap) {
        return slot + 1 == cap ? 0 : slot + 1;
    }

    private static int home(int hash, int cap) {
        return (int) ((hash & 0xFFFFFFFFL) * cap >>> 32);
    }

    /** USED, the key's UTF-16 length (15 bits), its UTF-8 length (16 bits) and its hash (32 bits). */
    private static long word(String key, byte[] utf8, int hash) {
        return USED | (long) key.length() << 48 | (long) Key.length(key, utf8) << 32 | (hash & 0xFFFFFFFFL);
    }

    private static int keyBytes(long word) {
        return (int) (word >>> 32) & 0xFFFF;
    }

    private static int keyChars(long word) {
        return (int) (word >>> 48) & 0x7FFF;
    }
}
