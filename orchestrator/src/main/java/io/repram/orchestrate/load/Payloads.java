package io.repram.orchestrate.load;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;

/**
 * Pre-generated PUT bodies in one shared direct buffer. A key always gets the same payload, and
 * connections send slices of this buffer through their own view, so nothing is allocated per request.
 */
final class Payloads {

    /** Bound on the memory spent on distinct payloads. */
    private static final long MAX_TOTAL_BYTES = 32L * 1024 * 1024;
    private static final int MAX_COUNT = 16;
    private static final byte[] ALPHABET =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final ByteBuffer all;
    private final int payloadBytes;
    private final int count;

    Payloads(int payloadBytes, long seed) {
        this.payloadBytes = payloadBytes;
        this.count = payloadBytes == 0 ? 1 : (int) Math.max(1, Math.min(MAX_COUNT, MAX_TOTAL_BYTES / payloadBytes));
        this.all = ByteBuffer.allocateDirect(Math.max(1, payloadBytes * count));
        SplittableRandom random = new SplittableRandom(seed);
        // Printable bytes, so that any node, including ones that log bodies, takes them as they are.
        for (int i = 0; i < payloadBytes * count; i++) {
            all.put(i, ALPHABET[random.nextInt(ALPHABET.length)]);
        }
    }

    /** A private view for one connection; position it with {@link #select}. */
    ByteBuffer view() {
        return all.asReadOnlyBuffer();
    }

    /** Points {@code view} at the payload of {@code keyId}. */
    ByteBuffer select(ByteBuffer view, int keyId) {
        int offset = index(keyId) * payloadBytes;
        view.limit(offset + payloadBytes).position(offset);
        return view;
    }

    /** Which payload {@code keyId} gets; {@link #select} and {@link #bytes} agree on it. */
    int index(int keyId) {
        return keyId % count;
    }

    /** A copy of payload {@code index}, for comparing what a node answers. */
    byte[] bytes(int index) {
        byte[] out = new byte[payloadBytes];
        all.get(index * payloadBytes, out);
        return out;
    }

    int payloadBytes() {
        return payloadBytes;
    }
}
