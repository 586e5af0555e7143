package io.repram.node.store;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Values and keys live off the heap; overwrite and expiry give their memory back. */
class OffHeapStoreTest {
    private static final int KEYS = 3000;
    /** Each key "k0".."k2999" fills one chunk of the smallest class. */
    private static final long KEY_CHUNKS = KEYS * 16L;
    private final AtomicLong now = new AtomicLong(1_000_000);

    @Test
    void writeOverwriteExpireReturnsTheBytesInUseToZero() {
        try (Store store = new Store(0, 0, now::get)) {
            for (int i = 0; i < KEYS; i++) {
                assertTrue(store.put("k" + i, value(i, 1024), 10));
            }
            assertEquals((long) KEYS * 1024 + KEY_CHUNKS, store.offHeapUsedBytes());
            // 3000 KiB of 1 KiB chunks: three 1 MiB slabs; and one of 16-byte chunks for the keys.
            assertEquals(4L * Slabs.SLAB_BYTES, store.offHeapCommittedBytes());

            // Overwrite with a larger size class, and some with values too large to share a slab.
            for (int i = 0; i < KEYS; i++) {
                int length = i % 100 == 0 ? 100_000 : 3000;
                assertTrue(store.put("k" + i, value(i, length), 10));
            }
            long expectedUsed = (long) (KEYS - 30) * SizeClasses.chunkBytes(SizeClasses.index(3000)) + 30L * 100_000
                    + KEY_CHUNKS;
            assertEquals(expectedUsed, store.offHeapUsedBytes(), "the overwritten 1 KiB chunks are free");
            // Partly filled: the last 3000-byte slab and the keys' slab; empty: one 1 KiB slab.
            assertTrue(store.offHeapCommittedBytes() <= expectedUsed + 3L * Slabs.SLAB_BYTES,
                    "emptied 1 KiB slabs went back, but one: " + store.offHeapCommittedBytes());
            assertArrayEquals(value(7, 3000), store.get("k7").value());
            assertArrayEquals(value(100, 100_000), store.get("k100").value());

            now.addAndGet(10_000);
            assertNull(store.get("k7"), "expired on read");
            assertEquals(KEYS - 1, store.sweep());
            assertEquals(0, store.items());
            assertEquals(0, store.bytes());
            assertEquals(0, store.offHeapUsedBytes());
            assertTrue(store.offHeapCommittedBytes() <= 3L * Slabs.SLAB_BYTES,
                    "at most one empty slab per size class used: " + store.offHeapCommittedBytes());
        }
    }

    @Test
    void closeReleasesEverySlab() {
        Store store = new Store(0, 0, now::get);
        for (int i = 0; i < KEYS; i++) {
            store.put("k" + i, value(i, 500 + i % 5000), 60);
        }
        store.put("big", value(1, 5_000_000), 60);
        assertTrue(store.offHeapCommittedBytes() > 5_000_000);
        store.close();
        assertEquals(0, store.offHeapCommittedBytes());
        assertEquals(0, store.offHeapUsedBytes());
        assertEquals(0, store.bytes());
    }

    @Test
    void theOffHeapLimitRefusesWhatNeedsANewSlab() {
        // Two slabs for 1 KiB values, one for the keys' 16-byte chunks.
        try (Store store = new Store(0, 3L * Slabs.SLAB_BYTES, now::get)) {
            int stored = 0;
            while (store.put("k" + stored, value(stored, 1024), stored == 0 ? 1 : 60)) {
                stored++;
            }
            assertEquals(2 * Slabs.SLAB_BYTES / 1024, stored);
            assertNull(store.get("k" + stored));
            long expectedBytes = 0;
            for (int i = 0; i < stored; i++) {
                expectedBytes += 2L * ("k" + i).length() + 1024;
            }
            assertEquals(expectedBytes, store.bytes(), "nothing counted for the refused value");
            assertFalse(store.put("big", new byte[SizeClasses.MAX_SLAB_CHUNK + 1], 60));
            // The new value is stored before the old one is freed: a full store refuses even an overwrite.
            assertFalse(store.put("k1", value(9, 1024), 60));
            assertArrayEquals(value(1, 1024), store.get("k1").value());
            // An expired value frees its chunk, which the next value of that class reuses.
            now.addAndGet(1_000);
            assertNull(store.get("k0"));
            assertTrue(store.put("new", value(9, 1024), 60));
            assertArrayEquals(value(9, 1024), store.get("new").value());
            assertEquals(3L * Slabs.SLAB_BYTES, store.offHeapCommittedBytes());
        }
    }

    @Test
    void theEmptySlabsSizeClassesKeepGiveWayAtTheLimit() {
        try (Store store = new Store(0, 3L * Slabs.SLAB_BYTES, now::get)) {
            assertTrue(store.put("a", value(1, 1024), 1));
            assertTrue(store.put("b", value(2, 3000), 1));
            now.addAndGet(1_000);
            assertEquals(2, store.sweep());
            assertEquals(3L * Slabs.SLAB_BYTES, store.offHeapCommittedBytes(),
                    "each class keeps its one empty slab: 1 KiB, 3000 bytes and the keys' 16");
            assertTrue(store.put("big", value(3, 100_000), 60), "the kept slabs are released to make room");
            assertEquals(100_000 + Slabs.SLAB_BYTES, store.offHeapCommittedBytes(), "the value, and a slab for its key");
            assertArrayEquals(value(3, 100_000), store.get("big").value());
        }
    }

    @Test
    void emptyValuesTakeNoChunk() {
        try (Store store = new Store(0, 0, now::get)) {
            assertTrue(store.put("e", new byte[0], 60));
            assertEquals(16, store.offHeapUsedBytes(), "the key's chunk, and none for the value");
            assertArrayEquals(new byte[0], store.get("e").value());
        }
    }

    static byte[] value(int seed, int length) {
        byte[] v = new byte[length];
        for (int i = 0; i < length; i++) {
            v[i] = (byte) (seed * 31 + i);
        }
        return v;
    }
}
