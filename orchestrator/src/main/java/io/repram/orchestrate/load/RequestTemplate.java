package io.repram.orchestrate.load;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A request encoded once into a direct buffer; only the digits of the key change between requests,
 * so sending one costs a few byte stores and no allocation. Each connection owns its own copy.
 */
final class RequestTemplate {

    private final ByteBuffer bytes;
    private final int keyDigitsOffset;
    private final int keyDigits;

    private RequestTemplate(byte[] encoded, int keyDigitsOffset, int keyDigits) {
        this.bytes = ByteBuffer.allocateDirect(encoded.length);
        this.bytes.put(encoded).clear();
        this.keyDigitsOffset = keyDigitsOffset;
        this.keyDigits = keyDigits;
    }

    static RequestTemplate put(Target target, int keyDigits, int ttlSeconds, int payloadBytes) {
        String head = "PUT " + target.basePath() + "/v1/data/" + KEY_PREFIX;
        String tail = "?ttl=" + ttlSeconds + " HTTP/1.1\r\nHost: " + target.hostHeader()
                + "\r\nContent-Type: application/octet-stream\r\nContent-Length: " + payloadBytes + "\r\n\r\n";
        return build(head, keyDigits, tail);
    }

    static RequestTemplate get(Target target, int keyDigits) {
        String head = "GET " + target.basePath() + "/v1/data/" + KEY_PREFIX;
        String tail = " HTTP/1.1\r\nHost: " + target.hostHeader() + "\r\n\r\n";
        return build(head, keyDigits, tail);
    }

    /** Keys look like {@code lg-000042}: zero-padded so every key of the space has the same length. */
    static final String KEY_PREFIX = "lg-";

    static int digitsFor(int keySpace) {
        return Integer.toString(Math.max(0, keySpace - 1)).length();
    }

    static String keyName(int keyId, int keyDigits) {
        String digits = Integer.toString(keyId);
        return KEY_PREFIX + "0".repeat(keyDigits - digits.length()) + digits;
    }

    private static RequestTemplate build(String head, int keyDigits, String tail) {
        byte[] encoded = (head + "0".repeat(keyDigits) + tail).getBytes(StandardCharsets.US_ASCII);
        return new RequestTemplate(encoded, head.length(), keyDigits);
    }

    /** Writes the key into the request and returns the buffer, positioned for sending. */
    ByteBuffer forKey(int keyId) {
        int value = keyId;
        for (int i = keyDigitsOffset + keyDigits - 1; i >= keyDigitsOffset; i--) {
            bytes.put(i, (byte) ('0' + value % 10));
            value /= 10;
        }
        bytes.clear();
        return bytes;
    }

    /** The buffer as last prepared by {@link #forKey}, with whatever is still unsent. */
    ByteBuffer buffer() {
        return bytes;
    }
}
