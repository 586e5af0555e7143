package io.repram.orchestrate.load;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The PUTs of one load run that were answered 201 (the latest ones, at most
 * {@link #MAX_REMEMBERED} per run), one entry per key with its latest acknowledgement, and the
 * bytes each key was written with. For auditing what the cluster kept.
 */
public final class AcknowledgedWrites {

    /** Bound on the acknowledgements remembered per run, shared among the I/O threads. */
    public static final int MAX_REMEMBERED = 10_000;

    /**
     * @param key                the key as sent, e.g. {@code lg-000042}
     * @param payloadIndex       which pre-generated payload it carried; see {@link #payload(int)}
     * @param expiresEpochMillis when its TTL ends, counted from the acknowledgement (the node's own
     *                           clock started a little earlier, so audits keep a margin)
     */
    public record Write(String key, int payloadIndex, long expiresEpochMillis) {
    }

    private final List<Write> writes;
    private final Payloads payloads;

    private AcknowledgedWrites(List<Write> writes, Payloads payloads) {
        this.writes = List.copyOf(writes);
        this.payloads = payloads;
    }

    static AcknowledgedWrites of(Collection<AcknowledgedRing> rings, Payloads payloads, int keySpace, int ttlSeconds) {
        long nowNanos = System.nanoTime();
        long nowMillis = System.currentTimeMillis();
        Map<Integer, Long> latest = new HashMap<>();
        for (AcknowledgedRing ring : rings) {
            for (int i = 0; i < ring.size(); i++) {
                latest.merge(ring.keyId(i), ring.ackedAtNanos(i), Math::max);
            }
        }
        int digits = RequestTemplate.digitsFor(keySpace);
        List<Write> writes = new ArrayList<>(latest.size());
        latest.forEach((keyId, ackedAt) -> writes.add(new Write(RequestTemplate.keyName(keyId, digits),
                payloads.index(keyId), nowMillis - (nowNanos - ackedAt) / 1_000_000 + ttlSeconds * 1000L)));
        writes.sort(java.util.Comparator.comparing(Write::key));
        return new AcknowledgedWrites(writes, payloads);
    }

    /**
     * The acknowledged writes of several load agents that ran one plan: they wrote disjoint keys
     * with payloads from the same seed, so the payload bytes are regenerated here. Keeps the
     * {@link #MAX_REMEMBERED} that expire last, like a single generator would.
     */
    public static AcknowledgedWrites merged(List<Write> writes, int payloadBytes, long seed) {
        Map<String, Write> latest = new HashMap<>();
        for (Write w : writes) {
            latest.merge(w.key(), w, (a, b) -> a.expiresEpochMillis() >= b.expiresEpochMillis() ? a : b);
        }
        List<Write> kept = new ArrayList<>(latest.values());
        kept.sort(java.util.Comparator.comparingLong(Write::expiresEpochMillis).reversed());
        kept = new ArrayList<>(kept.subList(0, Math.min(kept.size(), MAX_REMEMBERED)));
        kept.sort(java.util.Comparator.comparing(Write::key));
        return new AcknowledgedWrites(kept, new Payloads(payloadBytes, seed));
    }

    /** One entry per acknowledged key, sorted by key. */
    public List<Write> writes() {
        return writes;
    }

    /** A copy of the bytes of payload {@code index}. */
    public byte[] payload(int index) {
        return payloads.bytes(index);
    }
}
