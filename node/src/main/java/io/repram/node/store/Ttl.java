package io.repram.node.store;

/**
 * TTL rules of the client API: {@code ?ttl=} wins over {@code X-TTL}; invalid or missing means 3600;
 * the result is clamped to [MIN_TTL, MAX_TTL]. Gossip PUTs go through the same clamp.
 */
public final class Ttl {
    public static final int DEFAULT_SECONDS = 3600;

    private Ttl() {
    }

    /**
     * @param query  the {@code ttl} query parameter or null
     * @param header the {@code X-TTL} header or null
     * @return the TTL in seconds, clamped to [min, max]
     */
    public static int resolve(String query, String header, int minSeconds, int maxSeconds) {
        String raw = query != null && !query.isEmpty() ? query : header;
        return clamp(parsePositive(raw), minSeconds, maxSeconds);
    }

    /** A TTL from a peer: null or not positive means 3600, then the same clamp as the client API. */
    public static int ofGossip(Integer ttl, int minSeconds, int maxSeconds) {
        return clamp(ttl == null || ttl <= 0 ? DEFAULT_SECONDS : ttl, minSeconds, maxSeconds);
    }

    private static int clamp(int ttl, int minSeconds, int maxSeconds) {
        return Math.max(minSeconds, Math.min(maxSeconds, ttl));
    }

    private static int parsePositive(String raw) {
        if (raw == null || raw.isEmpty()) {
            return DEFAULT_SECONDS;
        }
        String s = raw.trim();
        try {
            int v = Integer.parseInt(s);
            return v > 0 ? v : DEFAULT_SECONDS;
        } catch (NumberFormatException e) {
            // A whole number too large for an int asks for "as long as possible": MAX_TTL, not the default.
            return s.matches("\\+?\\d+") ? Integer.MAX_VALUE : DEFAULT_SECONDS;
        }
    }
}
