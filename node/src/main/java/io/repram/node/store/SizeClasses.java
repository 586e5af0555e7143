package io.repram.node.store;

/**
 * Chunk sizes for values kept in shared slabs: multiples of 16 up to 128 bytes, then eight steps per
 * doubling up to {@link #MAX_SLAB_CHUNK}, so rounding a value up to its chunk wastes at most 1/8 of it
 * (a 1 KiB value fills a 1 KiB chunk exactly). Larger values get a buffer of their own.
 */
final class SizeClasses {
    /** Values up to this size share slabs; larger ones get a buffer of exactly their size. */
    static final int MAX_SLAB_CHUNK = 64 * 1024;
    static final int COUNT = index(MAX_SLAB_CHUNK) + 1;

    private SizeClasses() {
    }

    /** @param length 1..{@link #MAX_SLAB_CHUNK} */
    static int index(int length) {
        if (length <= 128) {
            return (length + 15) / 16 - 1;
        }
        int shift = 31 - Integer.numberOfLeadingZeros(length - 1);
        int step = 1 << (shift - 3);
        int k = (length - (1 << shift) + step - 1) / step;
        return 8 + (shift - 7) * 8 + (k - 1);
    }

    /** The chunk size of class {@code index}. */
    static int chunkBytes(int index) {
        if (index < 8) {
            return (index + 1) * 16;
        }
        int shift = 7 + (index - 8) / 8;
        int k = (index - 8) % 8 + 1;
        return (1 << shift) + k * (1 << (shift - 3));
    }
}
