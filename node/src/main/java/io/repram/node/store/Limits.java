package io.repram.node.store;

import java.nio.charset.StandardCharsets;

/** Size limits on what may be stored, the same for the client API and for gossip PUTs. */
public final class Limits {
    /** Longer keys are refused: they are almost surely a client bug, and they bloat gossip. */
    public static final int MAX_KEY_BYTES = 1024;
    /** The largest value a client may store. */
    public static final int MAX_VALUE_BYTES = 10 * 1024 * 1024;

    private Limits() {
    }

    public static boolean keyTooLong(String key) {
        // A UTF-8 char is at most 3 bytes per UTF-16 unit, so short keys need no encoding.
        return key.length() > MAX_KEY_BYTES / 3 && key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES;
    }
}
