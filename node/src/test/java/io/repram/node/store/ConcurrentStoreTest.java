package io.repram.node.store;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Writers, readers and expiry on the same few keys at once: every value read must be one that was
 * written, whole. Values describe themselves (key, sequence, length, then bytes derived from those),
 * so a torn read, or bytes of a chunk freed and handed to another value, is caught by the reader.
 */
class ConcurrentStoreTest {
    private static final int KEYS = 32;
    private static final int OPS_PER_THREAD = 30_000;
    private static final int[] LENGTHS = {16, 100, 1000, 1024, 3000, 70_000};

    @Test
    void concurrentPutGetAndExpiryNeverReturnTornOrFreedBytes() throws Exception {
        AtomicLong now = new AtomicLong(1_000_000);
        Store store = new Store(0, 0, now::get);
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicLong reads = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        // Readers and expiry run as long as the writers (which are bounded), however the threads are scheduled.
        CountDownLatch writersDone = new CountDownLatch(2);
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            int writer = w;
            threads.add(new Thread(() -> {
                await(start);
                ThreadLocalRandom rnd = ThreadLocalRandom.current();
                for (int seq = 0; seq < OPS_PER_THREAD; seq++) {
                    int key = rnd.nextInt(KEYS);
                    int length = LENGTHS[rnd.nextInt(LENGTHS.length)];
                    store.put("key-" + key, value(key, writer * OPS_PER_THREAD + seq, length), 1);
                }
                writersDone.countDown();
            }, "writer-" + w));
        }
        for (int r = 0; r < 2; r++) {
            threads.add(new Thread(() -> {
                await(start);
                ThreadLocalRandom rnd = ThreadLocalRandom.current();
                while (writersDone.getCount() > 0) {
                    int key = rnd.nextInt(KEYS);
                    Entry e = store.get("key-" + key);
                    if (e != null) {
                        reads.incrementAndGet();
                        String problem = check(key, e.value());
                        if (problem != null) {
                            failures.add(problem);
                        }
                    }
                }
            }, "reader-" + r));
        }
        threads.add(new Thread(() -> {
            await(start);
            try {
                // A 1 s TTL and 100 ms a step: values expire all the time, though most live long enough to be read.
                while (!writersDone.await(1, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    now.addAndGet(100);
                    store.sweep();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "expiry"));
        threads.forEach(Thread::start);
        start.countDown();
        for (Thread t : threads) {
            t.join(120_000);
            assertFalse(t.isAlive(), t.getName() + " did not finish");
        }
        assertTrue(failures.isEmpty(), failures.size() + " bad reads, first: " + failures.peek());
        assertTrue(reads.get() > 1000, "the readers found values: " + reads.get());

        now.addAndGet(1_000);
        store.sweep();
        assertEquals(0, store.items());
        assertEquals(0, store.bytes());
        assertEquals(0, store.offHeapUsedBytes(), "every chunk freed exactly once, none leaked");
        store.close();
        assertEquals(0, store.offHeapCommittedBytes());
    }

    static byte[] value(int key, int seq, int length) {
        ByteBuffer b = ByteBuffer.allocate(length);
        b.putInt(key).putInt(seq).putInt(length).putInt(0);
        for (int i = 16; i < length; i++) {
            b.put((byte) (key * 31 + seq * 17 + i));
        }
        return b.array();
    }

    /** @return null when {@code v} is exactly a value written for {@code key}, else what is wrong */
    static String check(int key, byte[] v) {
        if (v.length < 16) {
            return "key " + key + ": " + v.length + " bytes";
        }
        ByteBuffer b = ByteBuffer.wrap(v);
        int k = b.getInt();
        int seq = b.getInt();
        int length = b.getInt();
        if (k != key || length != v.length) {
            return "key " + key + ": header says key " + k + ", length " + length + ", read " + v.length;
        }
        for (int i = 16; i < v.length; i++) {
            if (v[i] != (byte) (key * 31 + seq * 17 + i)) {
                return "key " + key + " seq " + seq + ": byte " + i + " of " + v.length + " is foreign";
            }
        }
        return null;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
