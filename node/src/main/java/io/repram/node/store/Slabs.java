package io.repram.node.store;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The off-heap allocator: one pool per {@link SizeClasses size class}, each a list of 1 MiB direct
 * slabs that still have free chunks; values above {@link SizeClasses#MAX_SLAB_CHUNK} get a buffer of
 * their own, freed as soon as the value goes. A slab whose last chunk is freed is released unless it
 * is its class's only slab with room, so a class keeps at most one empty slab and memory moves
 * between classes as the value sizes change.
 *
 * <p>A stored value is named by a {@code long} handle, the slab's registry number in the upper half
 * and the chunk's offset in the lower, so that a {@link Slot} can point at its bytes without holding
 * a reference (see {@link Slot} for why). {@link #EMPTY} names an empty value, which takes no chunk.
 *
 * <p>Thread-safe: each pool's bookkeeping is guarded by the pool's lock, held only to pop or push an
 * offset (and to allocate or release a slab); the registry by its own lock, taken only when a slab
 * comes or goes; the bytes are copied outside both. A handle may be read only while its chunk is
 * allocated: the caller guarantees that (the {@link Store} frees a chunk only when no reader can
 * reach it), and an allocated chunk keeps its slab, and so its registry number, alive.
 */
final class Slabs {
    static final int SLAB_BYTES = 1 << 20;
    /** The handle of an empty value. */
    static final long EMPTY = 0;
    /** What {@link #store} returns when no memory could be had. */
    static final long NO_MEMORY = -1;

    private final Pool[] pools = new Pool[SizeClasses.COUNT];
    /** 0 = no limit beyond the JVM's own direct-memory limit. */
    private final long maxCommittedBytes;
    private final AtomicLong committed = new AtomicLong();
    private final AtomicLong used = new AtomicLong();
    /** Slabs by registry number; 0 is never used, so no handle of a chunk equals {@link #EMPTY}. */
    private volatile Slab[] byId = new Slab[64];
    private final ArrayDeque<Integer> freeIds = new ArrayDeque<>();
    private int nextId = 1;

    Slabs(long maxCommittedBytes) {
        this.maxCommittedBytes = maxCommittedBytes;
        for (int i = 0; i < pools.length; i++) {
            pools[i] = new Pool(i);
        }
    }

    /** @return the handle of a copy of {@code value}, or {@link #NO_MEMORY} */
    long store(byte[] value) {
        int length = value.length;
        if (length == 0) {
            return EMPTY;
        }
        long handle = allocate(length);
        if (handle == NO_MEMORY && maxCommittedBytes > 0 && releaseEmpty()) {
            // The empty slab each size class keeps may be what stands between this value and the limit.
            handle = allocate(length);
        }
        if (handle != NO_MEMORY) {
            slab(handle).write(offset(handle), value);
        }
        return handle;
    }

    /** Copies the {@code length} bytes of an allocated chunk into a fresh array. */
    byte[] copy(long handle, int length) {
        byte[] out = new byte[length];
        if (handle != EMPTY) {
            slab(handle).read(offset(handle), out);
        }
        return out;
    }

    /** Whether an allocated chunk starts with the key's UTF-8 bytes (see {@link Key}). */
    boolean matches(long handle, String key, byte[] utf8) {
        int n = Key.length(key, utf8);
        if (handle == EMPTY) {
            return n == 0;
        }
        Slab slab = slab(handle);
        int offset = offset(handle);
        for (int i = 0; i < n; i++) {
            if ((slab.byteAt(offset + i) & 0xFF) != Key.byteAt(key, utf8, i)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the {@code length} bytes of an allocated chunk start with {@code prefix}. */
    boolean startsWith(long handle, int length, byte[] prefix) {
        if (prefix.length > length) {
            return false;
        }
        if (prefix.length == 0) {
            return true;
        }
        Slab slab = slab(handle);
        int offset = offset(handle);
        for (int i = 0; i < prefix.length; i++) {
            if (slab.byteAt(offset + i) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Frees a chunk no reader can reach any more: after this its bytes belong to the next value. */
    void free(long handle) {
        if (handle == EMPTY) {
            return;
        }
        Slab slab = slab(handle);
        used.addAndGet(-slab.chunkBytes);
        if (slab.sizeClass < 0) {
            release(slab);
        } else {
            pools[slab.sizeClass].give(slab, offset(handle));
        }
    }

    /** Bytes of chunks holding keys and values (each rounded up to its chunk). */
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

    private Slab slab(long handle) {
        return byId[(int) (handle >>> 32)];
    }

    private static int offset(long handle) {
        return (int) handle;
    }

    private static long handle(Slab slab, int offset) {
        return (long) slab.id << 32 | offset;
    }

    private long allocate(int length) {
        return length <= SizeClasses.MAX_SLAB_CHUNK
                ? pools[SizeClasses.index(length)].take()
                : dedicated(length);
    }

    private long dedicated(int length) {
        ByteBuffer buffer = reserve(length);
        if (buffer == null) {
            return NO_MEMORY;
        }
        used.addAndGet(length);
        return handle(register(buffer, length, 1, -1), 0);
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

    private synchronized Slab register(ByteBuffer buffer, int chunkBytes, int chunks, int sizeClass) {
        Integer reused = freeIds.poll();
        int id = reused != null ? reused : nextId++;
        Slab slab = new Slab(id, buffer, chunkBytes, chunks, sizeClass);
        Slab[] table = byId;
        if (id >= table.length) {
            table = Arrays.copyOf(table, table.length * 2);
        }
        table[id] = slab;
        byId = table; // the volatile write publishes the slot even when the table was not copied
        return slab;
    }

    private synchronized void unregister(Slab slab) {
        byId[slab.id] = null;
        freeIds.push(slab.id);
    }

    private void release(Slab slab) {
        unregister(slab);
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

        synchronized long take() {
            Slab slab = withRoom.peekFirst();
            if (slab == null) {
                ByteBuffer buffer = reserve(SLAB_BYTES);
                if (buffer == null) {
                    return NO_MEMORY;
                }
                slab = register(buffer, chunkBytes, SLAB_BYTES / chunkBytes, sizeClass);
                slab.listed = true;
                withRoom.addFirst(slab);
            }
            int offset = slab.take();
            if (slab.full()) {
                withRoom.pollFirst();
                slab.listed = false;
            }
            used.addAndGet(chunkBytes);
            return handle(slab, offset);
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
