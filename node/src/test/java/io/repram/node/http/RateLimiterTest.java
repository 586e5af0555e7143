package io.repram.node.http;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateLimiterTest {
    private final AtomicLong nanos = new AtomicLong(0);

    private int allowed(RateLimiter l, String ip, int attempts) {
        int ok = 0;
        for (int i = 0; i < attempts; i++) {
            if (l.tryAcquire(ip)) {
                ok++;
            }
        }
        return ok;
    }

    @Test
    void burstIsTwiceTheRate() {
        RateLimiter l = new RateLimiter(10, nanos::get);
        assertEquals(20, allowed(l, "1.1.1.1", 50));
    }

    @Test
    void refillsAtTheRate() {
        RateLimiter l = new RateLimiter(10, nanos::get);
        allowed(l, "ip", 20);
        assertFalse(l.tryAcquire("ip"));
        nanos.addAndGet(500_000_000L);
        assertEquals(5, allowed(l, "ip", 10));
    }

    @Test
    void clientsAreIndependent() {
        RateLimiter l = new RateLimiter(1, nanos::get);
        assertEquals(2, allowed(l, "a", 5));
        assertEquals(2, allowed(l, "b", 5));
    }

    @Test
    void zeroDisables() {
        RateLimiter l = new RateLimiter(0, nanos::get);
        assertFalse(l.enabled());
        assertEquals(1000, allowed(l, "ip", 1000));
    }

    @Test
    void aVeryLargeRateIsUnlimitedWithNoPerClientState() {
        RateLimiter l = new RateLimiter(1_000_000_000, nanos::get);
        assertFalse(l.enabled());
        assertEquals(100_000, allowed(l, "ip", 100_000));
        assertEquals(0, l.trackedClients());
        assertFalse(new RateLimiter(Integer.MAX_VALUE, nanos::get).enabled());
        assertTrue(new RateLimiter(RateLimiter.UNLIMITED_FROM_PER_SECOND - 1, nanos::get).enabled());
    }

    @Test
    void idleClientsAreForgotten() {
        RateLimiter l = new RateLimiter(10, nanos::get);
        l.tryAcquire("ip");
        nanos.addAndGet(3_000_000_000L);
        l.forgetIdle();
        assertEquals(0, l.trackedClients());
        assertTrue(l.tryAcquire("ip"));
    }
}
