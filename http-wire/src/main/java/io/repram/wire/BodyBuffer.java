package io.repram.wire;

import java.util.Arrays;

/**
 * A {@link BodySink} that keeps the body, up to a bound so that a broken peer cannot fill the heap.
 * Its array is reused across responses ({@link #reset}); {@link #toByteArray} copies it out.
 */
public final class BodyBuffer implements BodySink {
    private final int maxBytes;
    private byte[] bytes = new byte[64];
    private int size;

    public BodyBuffer(int maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must be >= 0, got " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    @Override
    public void accept(byte[] buf, int offset, int length) throws HttpWireException {
        if (length > maxBytes - size) {
            throw new HttpWireException("response body larger than " + maxBytes + " bytes");
        }
        if (size + length > bytes.length) {
            bytes = Arrays.copyOf(bytes, (int) Math.min(maxBytes, Math.max(size + length, 2L * bytes.length)));
        }
        System.arraycopy(buf, offset, bytes, size, length);
        size += length;
    }

    public int size() {
        return size;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    public void reset() {
        size = 0;
    }
}
