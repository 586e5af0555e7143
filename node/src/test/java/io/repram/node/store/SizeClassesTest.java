package io.repram.node.store;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SizeClassesTest {
    @Test
    void everyLengthFitsItsChunkWithAtMostAnEighthWastedPastTheSmallClasses() {
        int previous = 0;
        for (int length = 1; length <= SizeClasses.MAX_SLAB_CHUNK; length++) {
            int index = SizeClasses.index(length);
            int chunk = SizeClasses.chunkBytes(index);
            assertTrue(chunk >= length, length + " -> " + chunk);
            assertTrue(index == 0 || SizeClasses.chunkBytes(index - 1) < length, "a smaller class fits " + length);
            if (length > 128) {
                assertTrue(chunk - length <= length / 8, length + " wastes " + (chunk - length));
            }
            assertTrue(index >= previous);
            previous = index;
        }
        assertEquals(SizeClasses.COUNT - 1, SizeClasses.index(SizeClasses.MAX_SLAB_CHUNK));
        assertEquals(1024, SizeClasses.chunkBytes(SizeClasses.index(1024)), "1 KiB values fill their chunks");
        assertEquals(16, SizeClasses.chunkBytes(SizeClasses.index(1)));
        assertEquals(65536, SizeClasses.chunkBytes(SizeClasses.index(65536)));
    }
}
