package io.repram.node.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** JSON mapping and the id/timestamp conventions of the gossip wire. */
public final class Wire {
    public static final String GOSSIP_PATH = "/v1/gossip/message";
    public static final String BOOTSTRAP_PATH = "/v1/bootstrap";

    /** Lenient on unknown fields so newer upstream nodes can add some without breaking us. */
    public static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final AtomicLong LAST_NANOS = new AtomicLong();
    private static final AtomicLong COUNTER = new AtomicLong();

    private Wire() {
    }

    /** Unix time in nanoseconds, strictly increasing so {@code key-<nanos>} ids never collide. */
    public static long unixNanos() {
        Instant now = Instant.now();
        long candidate = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        return LAST_NANOS.updateAndGet(prev -> Math.max(prev + 1, candidate));
    }

    public static long unixSeconds() {
        return System.currentTimeMillis() / 1000;
    }

    /** Upstream's id for control messages: {@code <unixnanos>-<counter>}. */
    public static String controlMessageId() {
        return unixNanos() + "-" + COUNTER.incrementAndGet();
    }

    public static byte[] toBytes(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }
}
