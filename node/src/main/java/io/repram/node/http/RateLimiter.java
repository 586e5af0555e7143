package io.repram.node.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per client IP: {@code rate} tokens per second, holding at most 2 × rate. A rate of
 * 0 or less, or one no node could serve ({@link #UNLIMITED_FROM_PER_SECOND} and above), means no
 * limit and no per-request bookkeeping: upstream reads 0 as "refuse everything", so a cluster mixing
 * both is told a very large rate instead.
 */
public final class RateLimiter {
    public static final int UNLIMITED_FROM_PER_SECOND = 1_000_000;

    private final double ratePerSecond;
    private final double burst;
    private final LongSupplier clockNanos;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** @param ratePerSecond 0 or less, or {@link #UNLIMITED_FROM_PER_SECOND} or more, disables limiting */
    public RateLimiter(int ratePerSecond, LongSupplier clockNanos) {
        this.ratePerSecond = ratePerSecond;
        this.burst = 2.0 * ratePerSecond;
        this.clockNanos = clockNanos;
    }

    public RateLimiter(int ratePerSecond) {
        this(ratePerSecond, System::nanoTime);
    }

    public boolean enabled() {
        return ratePerSecond > 0 && ratePerSecond < UNLIMITED_FROM_PER_SECOND;
    }

    /** Takes one token for this client; false means answer 429. */
    public boolean tryAcquire(String clientIp) {
        if (!enabled()) {
            return true;
        }
        long now = clockNanos.getAsLong();
        return buckets.computeIfAbsent(clientIp, ip -> new Bucket(burst, now)).take(now, ratePerSecond, burst);
    }

    /** Forgets clients idle long enough that their bucket would be full again anyway. */
    public void forgetIdle() {
        long now = clockNanos.getAsLong();
        long refillNanos = (long) (burst / ratePerSecond * 1e9);
        buckets.values().removeIf(b -> b.idleLongerThan(now, refillNanos));
    }

    int trackedClients() {
        return buckets.size();
    }

    private static final class Bucket {
        private double tokens;
        private long lastNanos;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.lastNanos = now;
        }

        synchronized boolean take(long now, double rate, double burst) {
            tokens = Math.min(burst, tokens + (now - lastNanos) / 1e9 * rate);
            lastNanos = now;
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }

        synchronized boolean idleLongerThan(long now, long nanos) {
            return now - lastNanos > nanos;
        }
    }
}
