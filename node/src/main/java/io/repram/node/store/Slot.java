package io.repram.node.store;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * What the heap keeps per stored value: where its bytes are off the heap, their length and the
 * expiry, plus a count of readers copying the bytes out right now. Immutable except for that count.
 *
 * <p>The count makes freeing safe: a slot leaves the index exactly once (overwrite, removal or
 * expiry) and is then {@link #retire() retired}; its chunk is freed by whichever comes last, the
 * retirement or the last reader's {@link #release()}, so a chunk is never handed to another value
 * while a reader is still copying it. A reader that comes too late ({@link #retain()} false) looks the
 * key up again.
 */
final class Slot {
    private static final int RETIRED = 1 << 30;
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(Slot.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Null for an empty value. */
    final Slab slab;
    final int offset;
    final int length;
    final long createdAtMillis;
    final int ttlSeconds;
    /** Readers in flight, plus {@link #RETIRED} once the slot is out of the index. */
    @SuppressWarnings("unused")
    private volatile int state;

    Slot(Slab slab, int offset, int length, long createdAtMillis, int ttlSeconds) {
        this.slab = slab;
        this.offset = offset;
        this.length = length;
        this.createdAtMillis = createdAtMillis;
        this.ttlSeconds = ttlSeconds;
    }

    boolean expiredAt(long nowMillis) {
        return nowMillis >= createdAtMillis + ttlSeconds * 1000L;
    }

    /** @return false when the slot is already retired: its bytes may be gone, look the key up again */
    boolean retain() {
        for (;;) {
            int s = state;
            if (s >= RETIRED) {
                return false;
            }
            if (STATE.compareAndSet(this, s, s + 1)) {
                return true;
            }
        }
    }

    /** @return true when the caller was the last reader of a retired slot and must free its chunk */
    boolean release() {
        return (int) STATE.getAndAdd(this, -1) - 1 == RETIRED;
    }

    /** Called once, by the thread that took the slot out of the index. @return true: free the chunk now */
    boolean retire() {
        return (int) STATE.getAndAdd(this, RETIRED) == 0;
    }

    /** Copies the bytes out; only between a successful {@link #retain()} and its {@link #release()}. */
    byte[] copy() {
        byte[] out = new byte[length];
        if (slab != null) {
            slab.read(offset, out);
        }
        return out;
    }
}
