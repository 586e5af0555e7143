package io.repram.orchestrate.load;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The PUTs of one load run that were answered 201, over the whole run: one entry per key with its
 * latest acknowledgement, and the bytes each key was written with. For auditing what the cluster
 * kept. Key ranges above {@link AcknowledgedKeys#MAX_TRACKED_KEYS} per I/O loop are sampled
 * ({@link #sampled()}): the entries are then a uniform sample of the acknowledgements.
 */
public final class AcknowledgedWrites {

    /**
     * @param key                the key as sent, e.g. {@code lg-000042}
     * @param payloadIndex       which pre-generated payload it carried; see {@link #payload(int)}
     * @param expiresEpochMillis when its TTL ends, counted from the acknowledgement (the node's own
     *                           clock started a little earlier, so audits keep a margin)
     */
    public record Write(String key, int payloadIndex, long expiresEpochMillis) {
    }

    /** What every key the load writes starts with, for listing only those on a node. */
    public static final String KEY_PREFIX = RequestTemplate.KEY_PREFIX;

    private final List<Write> writes;
    private final Payloads payloads;
    private final boolean sampled;
    private final long acknowledgements;

    private AcknowledgedWrites(List<Write> writes, Payloads payloads, boolean sampled, long acknowledgements) {
        this.writes = List.copyOf(writes);
        this.payloads = payloads;
        this.sampled = sampled;
        this.acknowledgements = acknowledgements;
    }

    static AcknowledgedWrites of(Collection<AcknowledgedKeys> loops, Payloads payloads, int keySpace, int ttlSeconds) {
        long nowNanos = System.nanoTime();
        long nowMillis = System.currentTimeMillis();
        Map<Integer, Long> latest = new HashMap<>();
        boolean sampled = false;
        long acknowledgements = 0;
        for (AcknowledgedKeys loop : loops) {
            loop.forEach((keyId, ackedAt) -> latest.merge(keyId, ackedAt, Math::max));
            sampled |= loop.sampled();
            acknowledgements += loop.acknowledgements();
        }
        int digits = RequestTemplate.digitsFor(keySpace);
        List<Write> writes = new ArrayList<>(latest.size());
        latest.forEach((keyId, ackedAt) -> writes.add(new Write(RequestTemplate.keyName(keyId, digits),
                payloads.index(keyId), nowMillis - (nowNanos - ackedAt) / 1_000_000 + ttlSeconds * 1000L)));
        writes.sort(Comparator.comparing(Write::key));
        return new AcknowledgedWrites(writes, payloads, sampled, acknowledgements);
    }

    /**
     * The acknowledged writes of several load agents that ran one plan: they wrote disjoint keys
     * with payloads from the same seed, so the payload bytes are regenerated here. Every key is
     * kept, latest acknowledgement per key.
     */
    public static AcknowledgedWrites merged(List<Write> writes, int payloadBytes, long seed) {
        Map<String, Write> latest = new HashMap<>();
        for (Write w : writes) {
            latest.merge(w.key(), w, (a, b) -> a.expiresEpochMillis() >= b.expiresEpochMillis() ? a : b);
        }
        List<Write> kept = new ArrayList<>(latest.values());
        kept.sort(Comparator.comparing(Write::key));
        return new AcknowledgedWrites(kept, new Payloads(payloadBytes, seed), false, kept.size());
    }

    /** One entry per acknowledged key (or per sampled key, see {@link #sampled()}), sorted by key. */
    public List<Write> writes() {
        return writes;
    }

    /** True when {@link #writes()} is a uniform sample of the acknowledgements rather than every key. */
    public boolean sampled() {
        return sampled;
    }

    /** PUTs answered 201 in the run (not distinct keys); with agents, the distinct keys they returned. */
    public long acknowledgements() {
        return acknowledgements;
    }

    /** A copy of the bytes of payload {@code index}. */
    public byte[] payload(int index) {
        return payloads.bytes(index);
    }
}
