package io.repram.node.store;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The off-heap allocator: one pool per {@link SizeClasses size class}, each a list of 1 MiB direct
 * slabs that still have free chunks; values above {@link SizeClasses#MAX_SLAB_CHUNK} get a buffer of
 * their own, freed as soon as the value goes. A slab whose last chunk is freed is released unless it
 * is its class's only slab with room, so a class keeps at most one empty slab and memory moves
 * between classes as the value sizes change.
 *
 * <p>Thread-safe: each pool's bookkeeping is guarded by the pool's lock, held only to pop or push an
 * offset (and to allocate or release a slab); the bytes are copied outside it.
 */
final class Slabs {
    static final int SLAB_BYTES = 1 << 20;

    private final Pool[] pools = new Pool[SizeClasses.COUNT];
    /** 0 = no limit beyond the JVM's own direct-memory limit. */
    private final long maxCommittedBytes;
    private final AtomicLong committed = new AtomicLong();
    private final AtomicLong used = new AtomicLong();

    Slabs(long maxCommittedBytes) {
        this.maxCommittedBytes = maxCommittedBytes;
        for (int i = 0; i < pools.length; i++) {
            pools[i] = new Pool(i);
        }
    }

    /** @return the slot holding a copy of {@code value}, or null when no memory could be had */
    Slot store(byte[] value, long createdAtMillis, int ttlSeconds) {
        int length = value.length;
        if (length == 0) {
            return new Slot(null, 0, 0, createdAtMillis, ttlSeconds);
        }
        Slot slot = allocate(length, createdAtMillis, ttlSeconds);
        if (slot == null && maxCommittedBytes > 0 && releaseEmpty()) {
            // The empty slab each size class keeps may be what stands between this value and the limit.
            slot = allocate(length, createdAtMillis, ttlSeconds);
        }
        if (slot != null) {
            slot.slab.write(slot.offset, value);
        }
        return slot;
    }

    /** Frees a retired slot's chunk (see {@link Slot}): after this its bytes belong to the next value. */
    void free(Slot slot) {
        Slab slab = slot.slab;
        if (slab == null) {
            return;
        }
        used.addAndGet(-slab.chunkBytes);
        if (slab.sizeClass < 0) {
            release(slab);
        } else {
            pools[slab.sizeClass].give(slab, slot.offset);
        }
    }

    /** Bytes of chunks holding values (each value rounded up to its chunk). */
    long usedBytes() {
        return used.get();
    }

    /** Bytes of direct memory held: slabs, full or not, and the buffers of large values. */
    long committedBytes() {
        return committed.get();
    }

    /**
     * Releases every slab with no value in it: at shutdown, and when the limit refuses a new slab.
     * Takes one pool's lock at a time, never while holding another.
     *
     * @return true when something was released
     */
    boolean releaseEmpty() {
        boolean released = false;
        for (Pool p : pools) {
            released |= p.releaseEmpty();
        }
        return released;
    }

    private Slot allocate(int length, long createdAtMillis, int ttlSeconds) {
        return length <= SizeClasses.MAX_SLAB_CHUNK
                ? pools[SizeClasses.index(length)].take(length, createdAtMillis, ttlSeconds)
                : dedicated(length, createdAtMillis, ttlSeconds);
    }

    private Slot dedicated(int length, long createdAtMillis, int ttlSeconds) {
        ByteBuffer buffer = reserve(length);
        if (buffer == null) {
            return null;
        }
        used.addAndGet(length);
        return new Slot(new Slab(buffer, length, 1, -1), 0, length, createdAtMillis, ttlSeconds);
    }

    private ByteBuffer reserve(int bytes) {
        long after = committed.addAndGet(bytes);
        if (maxCommittedBytes > 0 && after > maxCommittedBytes) {
            committed.addAndGet(-bytes);
            return null;
        }
        ByteBuffer buffer = DirectMemory.allocate(bytes);
        if (buffer == null) {
            committed.addAndGet(-bytes);
        }
        return buffer;
    }

    private void release(Slab slab) {
        DirectMemory.free(slab.buffer);
        committed.addAndGet(-slab.buffer.capacity());
    }

    /** The slabs of one size class that have a free chunk. */
    private final class Pool {
        private final int sizeClass;
        private final int chunkBytes;
        private final ArrayDeque<Slab> withRoom = new ArrayDeque<>();

        Pool(int sizeClass) {
            this.sizeClass = sizeClass;
            this.chunkBytes = SizeClasses.chunkBytes(sizeClass);
        }

        synchronized Slot take(int length, long createdAtMillis, int ttlSeconds) {
            Slab slab = withRoom.peekFirst();
            if (slab == null) {
                ByteBuffer buffer = reserve(SLAB_BYTES);
                if (buffer == null) {
                    return null;
                }
                slab = new Slab(buffer, chunkBytes, SLAB_BYTES / chunkBytes, sizeClass);
                slab.listed = true;
                withRoom.addFirst(slab);
            }
            int offset = slab.take();
            if (slab.full()) {
                withRoom.pollFirst();
                slab.listed = false;
            }
            used.addAndGet(chunkBytes);
            return new Slot(slab, offset, length, createdAtMillis, ttlSeconds);
        }

        synchronized void give(Slab slab, int offset) {
            slab.give(offset);
            if (!slab.listed) {
                slab.listed = true;
                withRoom.addLast(slab);
            }
            if (slab.empty() && withRoom.size() > 1) {
                withRoom.remove(slab);
                slab.listed = false;
                release(slab);
            }
        }

        synchronized boolean releaseEmpty() {
            return withRoom.removeIf(slab -> {
                if (slab.empty()) {
                    slab.listed = false;
                    release(slab);
                    return true;
                }
                return false;
            });
        }
    }
}
