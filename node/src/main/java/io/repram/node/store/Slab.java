package io.repram.node.store;

import java.nio.ByteBuffer;

/**
 * One direct buffer cut into equal chunks, or (for a value too large to share one) a buffer of
 * exactly that value's size. The bytes are read and written with absolute bulk operations, which do
 * not touch the buffer's position, so many threads may use one slab at once; the chunk bookkeeping
 * ({@link #take()}, {@link #give(int)}, {@code listed}) is guarded by the owning {@link Slabs} pool's lock.
 */
final class Slab {
    /** This slab's number in its {@link Slabs}' registry: the upper half of a handle. */
    final int id;
    final ByteBuffer buffer;
    final int chunkBytes;
    /** The size class, or -1 for a buffer of its own. */
    final int sizeClass;
    private final int[] freeOffsets;
    private int freeCount;
    /** On its pool's list of slabs with free chunks. */
    boolean listed;

    Slab(int id, ByteBuffer buffer, int chunkBytes, int chunks, int sizeClass) {
        this.id = id;
        this.buffer = buffer;
        this.chunkBytes = chunkBytes;
        this.sizeClass = sizeClass;
        this.freeOffsets = new int[chunks];
        // Highest offset first, so chunks are handed out from the start of the buffer.
        for (int i = 0; i < chunks; i++) {
            freeOffsets[i] = (chunks - 1 - i) * chunkBytes;
        }
        this.freeCount = chunks;
    }

    int take() {
        return freeOffsets[--freeCount];
    }

    void give(int offset) {
        freeOffsets[freeCount++] = offset;
    }

    boolean full() {
        return freeCount == 0;
    }

    boolean empty() {
        return freeCount == freeOffsets.length;
    }

    void write(int offset, byte[] src) {
        buffer.put(offset, src, 0, src.length);
    }

    byte byteAt(int offset) {
        return buffer.get(offset);
    }

    void read(int offset, byte[] dst) {
        buffer.get(offset, dst, 0, dst.length);
    }
}
