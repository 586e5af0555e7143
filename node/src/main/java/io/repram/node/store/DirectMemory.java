package io.repram.node.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.Field;
import java.nio.ByteBuffer;

/**
 * Allocates and frees direct buffers. Freeing is explicit ({@code Unsafe.invokeCleaner}, the public
 * hook of {@code jdk.unsupported} for exactly this): left to the garbage collector, freed slabs would
 * stay counted against the JVM's direct-memory limit until some GC ran, and reaching that limit makes
 * the JDK call {@code System.gc()}, the pause this store exists to avoid.
 */
final class DirectMemory {
    private static final Logger LOG = LoggerFactory.getLogger(DirectMemory.class);
    private static final sun.misc.Unsafe UNSAFE = unsafe();

    private DirectMemory() {
    }

    /** @return a zeroed buffer, or null when the JVM's direct-memory limit (or the OS) refuses it */
    static ByteBuffer allocate(int bytes) {
        try {
            return ByteBuffer.allocateDirect(bytes);
        } catch (OutOfMemoryError e) {
            LOG.warn("Direct memory exhausted allocating {} bytes ({}); refusing the write", bytes, e.getMessage());
            return null;
        }
    }

    static void free(ByteBuffer buffer) {
        if (UNSAFE != null) {
            UNSAFE.invokeCleaner(buffer);
        }
    }

    private static sun.misc.Unsafe unsafe() {
        try {
            Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            return (sun.misc.Unsafe) f.get(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("Cannot free direct buffers explicitly ({}); freed slabs go when the GC finds them", e.toString());
            return null;
        }
    }
}
