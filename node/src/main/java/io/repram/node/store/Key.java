package io.repram.node.store;

import java.nio.charset.StandardCharsets;

/**
 * A key as the index compares it: its UTF-8 bytes and their hash. An ASCII key is its own bytes, so
 * a lookup or an overwrite of one encodes nothing and allocates nothing: {@link #byteAt} reads the
 * String. Only a key with other characters is encoded, once per call. A key travels as the String
 * and its UTF-8 bytes, {@code null} when it is ASCII, rather than as an object of its own: the JIT
 * did not scalar-replace such an object, and it cost 24 bytes a request (InPlaceOverwriteTest).
 */
final class Key {
    private Key() {
    }

    /** @return the key's UTF-8 bytes, or null when the String's chars are its bytes (ASCII) */
    static byte[] utf8UnlessAscii(String key) {
        if (key.length() > Short.MAX_VALUE) {
            throw new IllegalArgumentException("a key of " + key.length() + " chars: the index keeps at most "
                    + Short.MAX_VALUE + " (the node refuses keys over " + Limits.MAX_KEY_BYTES + " bytes)");
        }
        for (int i = 0; i < key.length(); i++) {
            if (key.charAt(i) >= 0x80) {
                byte[] utf8 = key.getBytes(StandardCharsets.UTF_8);
                if (utf8.length > 0xFFFF) {
                    throw new IllegalArgumentException("a key of " + utf8.length + " UTF-8 bytes: the index keeps at most 65535");
                }
                return utf8;
            }
        }
        return null;
    }

    /** UTF-8 bytes. */
    static int length(String key, byte[] utf8) {
        return utf8 == null ? key.length() : utf8.length;
    }

    /** The {@code i}th UTF-8 byte, 0..255. */
    static int byteAt(String key, byte[] utf8, int i) {
        return utf8 == null ? key.charAt(i) : utf8[i] & 0xFF;
    }

    /** A hash of the UTF-8 bytes whose low bits pick the segment and high bits the slot. */
    static int hash(String key, byte[] utf8) {
        int h = 0;
        for (int i = 0, n = length(key, utf8); i < n; i++) {
            h = 31 * h + byteAt(key, utf8, i);
        }
        // murmur3's finalizer: every input bit reaches both ends.
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        return h ^ h >>> 16;
    }

    /** The UTF-8 bytes, for storing a new key. */
    static byte[] bytes(String key, byte[] utf8) {
        return utf8 != null ? utf8 : key.getBytes(StandardCharsets.ISO_8859_1);
    }

    static String decode(byte[] utf8) {
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
