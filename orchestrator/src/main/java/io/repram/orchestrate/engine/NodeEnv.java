package io.repram.orchestrate.engine;

/** Environment every engine gives every node it starts, whatever the image. */
public final class NodeEnv {
    public static final String RATE_LIMIT = "REPRAM_RATE_LIMIT";

    /**
     * The rate limit (requests/s per client IP) the tool passes. Upstream's Go node has no "off":
     * it reads 0 as zero requests/s (a token bucket with burst 2 x rate) and answers 429 to
     * everything, so the limiter is turned off by a rate no load test reaches instead. It still
     * fits the 32-bit integer both nodes parse.
     */
    public static final String UNLIMITED_RATE = "1000000000";

    private NodeEnv() {
    }
}
