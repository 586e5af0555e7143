package io.repram.node.store;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StoreTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final Store store = new Store(0, now::get);

    @Test
    void expiryIsExactOnRead() {
        store.put("k", "v".getBytes(), 10);
        now.addAndGet(9_999);
        Entry e = store.get("k");
        assertNotNull(e);
        assertEquals(0, e.remainingSeconds(now.get()));
        now.addAndGet(1);
        assertNull(store.get("k"));
        assertEquals(0, store.items());
        assertEquals(0, store.bytes());
    }

    @Test
    void sweepRemovesOnlyExpired() {
        store.put("short", new byte[10], 1);
        store.put("long", new byte[10], 100);
        now.addAndGet(1_000);
        assertEquals(1, store.sweep());
        assertEquals(1, store.items());
        assertNotNull(store.get("long"));
    }

    @Test
    void overwriteReplacesValueAndAccounting() {
        store.put("k", new byte[100], 10);
        store.put("k", new byte[5], 10);
        assertArrayEquals(new byte[5], store.get("k").value());
        assertEquals(1, store.items());
        assertEquals(5 + 2, store.bytes());
    }

    @Test
    void capRefusesWhatDoesNotFit() {
        Store capped = new Store(1000, now::get);
        assertTrue(capped.put("a", new byte[900], 60));
        assertFalse(capped.put("b", new byte[200], 60));
        assertNull(capped.get("b"));
        assertTrue(capped.put("c", new byte[50], 60));
        assertTrue(capped.bytes() <= 1000);
        now.addAndGet(61_000);
        capped.sweep();
        assertEquals(0, capped.bytes());
        assertTrue(capped.put("b", new byte[200], 60));
    }

    @Test
    void keysArePagedInOrderWithCursorAndPrefix() {
        for (String k : List.of("b2", "a1", "b1", "c1", "b3")) {
            store.put(k, new byte[0], 60);
        }
        KeysPage first = store.keys("b", 2, null);
        assertEquals(List.of("b1", "b2"), first.keys());
        assertEquals("b2", first.nextCursor());
        KeysPage second = store.keys("b", 2, first.nextCursor());
        assertEquals(List.of("b3"), second.keys());
        assertNull(second.nextCursor());
        assertEquals(List.of("a1", "b1", "b2", "b3", "c1"), store.keys(null, 10, null).keys());
        assertEquals(List.of("c1"), store.keys("", 10, "b3").keys());
        assertEquals(List.of(), store.keys("zz", 10, null).keys());
    }

    @Test
    void exactPageSizeHasNoCursor() {
        store.put("a", new byte[0], 60);
        store.put("b", new byte[0], 60);
        KeysPage p = store.keys(null, 2, null);
        assertEquals(List.of("a", "b"), p.keys());
        assertNull(p.nextCursor());
    }

    @Test
    void expiredKeysAreNotListed() {
        store.put("gone", new byte[0], 1);
        store.put("kept", new byte[0], 60);
        now.addAndGet(1_000);
        assertEquals(List.of("kept"), store.keys(null, 10, null).keys());
    }
}
