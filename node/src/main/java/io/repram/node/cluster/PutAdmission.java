package io.repram.node.cluster;

import io.repram.node.store.Limits;
import io.repram.node.store.Ttl;

import java.util.function.LongSupplier;

/**
 * What a gossip PUT must satisfy before it is stored: the client API's key, value and TTL limits
 * (a peer, or anyone holding the cluster secret, must not store what a client could not), and a
 * timestamp near our clock, so a message captured earlier cannot be replayed once its id has left
 * the de-duplication window.
 */
final class PutAdmission {
    private final int minTtlSeconds;
    private final int maxTtlSeconds;
    private final long windowSeconds;
    private final LongSupplier clockMillis;

    /** @param windowSeconds how far a PUT's timestamp may be from our clock, either way; 0 = any */
    PutAdmission(int minTtlSeconds, int maxTtlSeconds, long windowSeconds, LongSupplier clockMillis) {
        this.minTtlSeconds = minTtlSeconds;
        this.maxTtlSeconds = maxTtlSeconds;
        this.windowSeconds = windowSeconds;
        this.clockMillis = clockMillis;
    }

    /** @return 0 when the PUT may be stored, else the HTTP status to refuse it with */
    int refusal(GossipMessage m) {
        if (m.key() == null || m.key().isEmpty() || m.messageId() == null || Limits.keyTooLong(m.key())) {
            return 400;
        }
        if (m.data() != null && m.data().length > Limits.MAX_VALUE_BYTES) {
            return 413;
        }
        if (windowSeconds > 0 && Math.abs(clockMillis.getAsLong() / 1000 - m.timestamp()) > windowSeconds) {
            return 400;
        }
        return 0;
    }

    /** The TTL to store with: clamped to [MIN_TTL, MAX_TTL] as for a client's PUT. */
    int ttlSeconds(GossipMessage m) {
        return Ttl.ofGossip(m.ttl(), minTtlSeconds, maxTtlSeconds);
    }

    /**
     * How long message ids must be remembered so that every copy of a message inside the window is a
     * known duplicate: a timestamp is accepted for 2 × window seconds, plus a second of rounding.
     */
    long dedupMillis(long atLeastMillis) {
        return Math.max(atLeastMillis, (2 * windowSeconds + 2) * 1000);
    }
}
