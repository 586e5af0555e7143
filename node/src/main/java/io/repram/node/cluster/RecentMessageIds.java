package io.repram.node.cluster;

import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * The message ids a node saw recently, for de-duplicating gossip. Ids are kept as 64-bit hashes in
 * two open-addressing {@code long[]} tables, the current window and the one before, so an id is
 * remembered for one to two windows and no object is allocated per message. (A map of id strings
 * to timestamps held every message's String, Long and map node for 30 s: under replicated load
 * that was most of what a receiver promoted to the old generation, and it made its full GCs last
 * 400 ms.) A false "seen" needs two different ids with the same 64-bit hash within two windows.
 */
final class RecentMessageIds {
    private static final long EMPTY = 0;
    private static final long REMOVED = -1;

    private final long windowMillis;
    private final LongSupplier clockMillis;
    private final int capacity;
    private final int maxEntries;
    private long[] current;
    private long[] previous;
    private int currentEntries;
    private long currentStartMillis;

    /**
     * @param windowMillis how long one table collects ids before it becomes the previous one
     * @param capacity     slots per table, a power of two; a window rotates early at half of it
     */
    RecentMessageIds(long windowMillis, int capacity, LongSupplier clockMillis) {
        if (Integer.bitCount(capacity) != 1) throw new IllegalArgumentException("capacity must be a power of two");
        this.windowMillis = windowMillis;
        this.clockMillis = clockMillis;
        this.capacity = capacity;
        this.maxEntries = capacity / 2;
        this.current = new long[capacity];
        this.previous = new long[capacity];
        this.currentStartMillis = clockMillis.getAsLong();
    }

    /** Records {@code id}; false when it was already seen within the last one or two windows. */
    synchronized boolean addIfAbsent(String id) {
        long h = hash(id);
        rotateIfDue();
        if (indexOf(previous, h) >= 0 || indexOf(current, h) >= 0) return false;
        if (currentEntries >= maxEntries) rotate();
        int i = slot(h);
        while (current[i] != EMPTY && current[i] != REMOVED) i = (i + 1) & (capacity - 1);
        current[i] = h;
        currentEntries++;
        return true;
    }

    /** Forgets {@code id}, so that a later copy of the message is processed again. */
    synchronized void remove(String id) {
        long h = hash(id);
        for (long[] table : new long[][] {current, previous}) {
            int i = indexOf(table, h);
            if (i >= 0) table[i] = REMOVED;
        }
    }

    private void rotateIfDue() {
        if (clockMillis.getAsLong() - currentStartMillis >= windowMillis) rotate();
    }

    private void rotate() {
        long[] reuse = previous;
        previous = current;
        Arrays.fill(reuse, EMPTY);
        current = reuse;
        currentEntries = 0;
        currentStartMillis = clockMillis.getAsLong();
    }

    private int indexOf(long[] table, long h) {
        int i = slot(h);
        // At most half full, so an empty slot always ends the probe.
        while (table[i] != EMPTY) {
            if (table[i] == h) return i;
            i = (i + 1) & (capacity - 1);
        }
        return -1;
    }

    private int slot(long h) {
        return (int) (h ^ (h >>> 32)) & (capacity - 1);
    }

    /** A 64-bit FNV-1a over the id's chars, finished with a mixer; never EMPTY or REMOVED. */
    static long hash(String id) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < id.length(); i++) {
            h ^= id.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h == EMPTY || h == REMOVED ? 1 : h;
    }
}
