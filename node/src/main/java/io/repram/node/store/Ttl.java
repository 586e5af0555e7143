package io.repram.node.store;

/** TTL rules of the client API: {@code ?ttl=} wins over {@code X-TTL}; invalid or missing means 3600. */
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
        int ttl = parsePositive(raw);
        return Math.max(minSeconds, Math.min(maxSeconds, ttl));
    }

    private static int parsePositive(String raw) {
        if (raw == null || raw.isEmpty()) {
            return DEFAULT_SECONDS;
        }
        try {
            int v = Integer.parseInt(raw.trim());
            return v > 0 ? v : DEFAULT_SECONDS;
        } catch (NumberFormatException e) {
            return DEFAULT_SECONDS;
        }
    }
}
