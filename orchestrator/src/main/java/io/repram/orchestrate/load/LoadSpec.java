package io.repram.orchestrate.load;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What one load run does.
 *
 * @param targets        base URLs of the nodes, {@code http://host:port[/prefix]}; connection i talks to
 *                       target i modulo the number of targets
 * @param concurrency    keep-alive connections (closed loop: workers back to back; open loop: the most
 *                       requests in flight, further arrivals queue)
 * @param putPercent     share of PUTs, 0..100. GETs read only keys this run wrote successfully; with 0
 *                       the run is GET-only and reads random keys of the key space, which only makes
 *                       sense against a pre-filled node or a benchmark server that answers any key
 * @param ratePerSecond  null = closed loop; a number = open loop at that constant arrival rate, latency
 *                       measured from each request's intended start time
 * @param seed           seeds key choice, op mix and payload bytes, so runs are repeatable
 * @param keyOffset      first key id this run uses; distributed agents get disjoint ranges of one key
 *                       space, so that no two write the same key and each reads only its own writes
 * @param keyCount       how many key ids from {@code keyOffset} this run uses; key names are still
 *                       padded for the whole {@code keySpace}, so they look alike on every agent
 */
public record LoadSpec(
        List<URI> targets,
        int concurrency,
        int payloadBytes,
        int putPercent,
        int ttlSeconds,
        int keySpace,
        Integer ratePerSecond,
        Duration warmup,
        Duration duration,
        Duration requestTimeout,
        long seed,
        int keyOffset,
        int keyCount) {

    /** Upper bound of one payload; stress scenarios go up to 1 MB. */
    public static final int MAX_PAYLOAD_BYTES = 64 * 1024 * 1024;
    public static final int MAX_CONCURRENCY = 10_000;

    public LoadSpec {
        if (targets == null || targets.isEmpty()) {
            throw new IllegalArgumentException("at least one target URL is needed, e.g. http://127.0.0.1:8080");
        }
        targets = List.copyOf(targets);
        for (URI target : targets) {
            checkTarget(target);
        }
        if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
            throw new IllegalArgumentException("concurrency must be 1.." + MAX_CONCURRENCY + ", got " + concurrency);
        }
        if (payloadBytes < 0 || payloadBytes > MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("payload size must be 0.." + MAX_PAYLOAD_BYTES + " bytes, got " + payloadBytes);
        }
        if (putPercent < 0 || putPercent > 100) {
            throw new IllegalArgumentException("put percent must be 0..100, got " + putPercent);
        }
        if (ttlSeconds < 1) {
            throw new IllegalArgumentException("ttl must be at least 1 second, got " + ttlSeconds);
        }
        if (keySpace < 1) {
            throw new IllegalArgumentException("key space must be at least 1, got " + keySpace);
        }
        if (keyOffset < 0 || keyCount < 1 || (long) keyOffset + keyCount > keySpace) {
            throw new IllegalArgumentException("key range " + keyOffset + "+" + keyCount + " must lie within the key space 0.."
                    + (keySpace - 1));
        }
        if (ratePerSecond != null && ratePerSecond < 1) {
            throw new IllegalArgumentException("rate must be at least 1 request/s (or absent for a closed loop), got " + ratePerSecond);
        }
        requireNonNegative("warm-up", warmup);
        requireNonNegative("duration", duration);
        if (duration.isZero()) {
            throw new IllegalArgumentException("duration must be longer than 0s");
        }
        requireNonNegative("request timeout", requestTimeout);
        if (requestTimeout.isZero()) {
            throw new IllegalArgumentException("request timeout must be longer than 0s");
        }
    }

    /** A run over the whole key space. */
    public LoadSpec(List<URI> targets, int concurrency, int payloadBytes, int putPercent, int ttlSeconds, int keySpace,
                    Integer ratePerSecond, Duration warmup, Duration duration, Duration requestTimeout, long seed) {
        this(targets, concurrency, payloadBytes, putPercent, ttlSeconds, keySpace, ratePerSecond, warmup, duration,
                requestTimeout, seed, 0, Math.max(1, keySpace));
    }

    public boolean openLoop() {
        return ratePerSecond != null;
    }

    private static void requireNonNegative(String what, Duration value) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is missing");
        }
        if (value.isNegative()) {
            throw new IllegalArgumentException(what + " must not be negative, got " + value);
        }
    }

    private static void checkTarget(URI target) {
        if (target == null) {
            throw new IllegalArgumentException("a target URL is missing");
        }
        String scheme = target.getScheme();
        if (scheme == null || !scheme.toLowerCase(Locale.ROOT).equals("http")) {
            throw new IllegalArgumentException("target " + target + " is not an http:// URL; only plain HTTP is supported, e.g. http://127.0.0.1:8080");
        }
        if (target.getHost() == null) {
            throw new IllegalArgumentException("target " + target + " has no host; write it as http://HOST:PORT");
        }
        if (target.getRawQuery() != null || target.getRawFragment() != null) {
            throw new IllegalArgumentException("target " + target + " must not have a query or fragment; give the node's base URL");
        }
    }
}
