package io.repram.node.store;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Overwrites rewrite a key's words in place (see {@link Segment} for the GC reason), and lose nothing to expiry. */
class InPlaceOverwriteTest {
    private static final int KEYS = 1000;

    /**
     * The known truth: an overwrite of a present key needs no new heap object at all (the caller's
     * value array is its only garbage). A new slot per write, as before, was 40 bytes a write: 400,000 bytes here.
     */
    @Test
    void overwritingPresentKeysAllocatesNothingOnTheHeap() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (Store store = new Store(0, 0, () -> 1_000_000L)) {
            String[] keys = new String[KEYS];
            byte[] value = new byte[1024];
            for (int i = 0; i < KEYS; i++) {
                keys[i] = "key-" + i;
                store.put(keys[i], value, 60);
            }
            for (int round = 0; round < 20; round++) { // let the JIT settle on the overwrite path
                for (String k : keys) {
                    store.put(k, value, 60);
                }
            }
            long id = Thread.currentThread().getId();
            long before = threads.getThreadAllocatedBytes(id);
            for (int round = 0; round < 10; round++) {
                for (String k : keys) {
                    store.put(k, value, 60);
                }
            }
            long allocated = threads.getThreadAllocatedBytes(id) - before;
            assertTrue(allocated < 10L * KEYS, allocated + " heap bytes for " + 10 * KEYS + " overwrites");
            assertEquals(KEYS, store.items());
            assertEquals(KEYS * 1024L + 2L * sumOfKeyLengths(), store.bytes(),
                    "each key counted once, whatever the number of overwrites");
        }
    }

    /**
     * Every key expires while writers rewrite it with a long TTL and a sweeper removes what expired:
     * a put that meets a slot being removed must still land, so each key's last write is readable.
     */
    @Test
    void aPutRacingExpiryIsNeverLost() throws Exception {
        AtomicLong now = new AtomicLong(1_000_000);
        try (Store store = new Store(0, 0, now::get)) {
            for (int round = 0; round < 50; round++) {
                for (int i = 0; i < KEYS; i++) {
                    store.put("key-" + i, new byte[] {1}, 1);
                }
                now.addAndGet(2_000); // every value written so far has expired
                CountDownLatch start = new CountDownLatch(1);
                byte[] fresh = {2, (byte) round};
                Thread writer = new Thread(() -> {
                    await(start);
                    for (int i = 0; i < KEYS; i++) {
                        store.put("key-" + i, fresh, 3600); // no cap: true; a lost write shows below
                    }
                });
                Thread sweeper = new Thread(() -> {
                    await(start);
                    for (int i = 0; i < 20; i++) {
                        store.sweep();
                    }
                });
                Thread reader = new Thread(() -> { // get() removes expired keys too
                    await(start);
                    for (int i = 0; i < KEYS; i++) {
                        store.get("key-" + i);
                    }
                });
                writer.start();
                sweeper.start();
                reader.start();
                start.countDown();
                for (Thread t : new Thread[] {writer, sweeper, reader}) {
                    t.join(60_000);
                    assertFalse(t.isAlive());
                }
                for (int i = 0; i < KEYS; i++) {
                    Entry e = store.get("key-" + i);
                    assertNotNull(e, "round " + round + ": key-" + i + " lost its write");
                    assertArrayEquals(fresh, e.value());
                }
                assertEquals(KEYS, store.items());
                assertEquals(KEYS * 2L + 2L * sumOfKeyLengths(), store.bytes(), "round " + round);
                now.addAndGet(3_600_000);
                assertEquals(KEYS, store.sweep());
                assertEquals(0, store.bytes());
                assertEquals(0, store.offHeapUsedBytes(), "round " + round + ": every chunk freed once");
            }
        }
    }

    private static long sumOfKeyLengths() {
        long sum = 0;
        for (int i = 0; i < KEYS; i++) {
            sum += ("key-" + i).length();
        }
        return sum;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
