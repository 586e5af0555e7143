package io.repram.node.cluster;

import io.repram.node.store.Store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The write path: PUT to peers, ACKs back to the origin, quorum counting. Nothing here blocks; the
 * client's PUT completes from whichever thread delivers the deciding ACK or the timeout.
 */
public final class Replicator {
    private static final CompletableFuture<Boolean> QUORUM_AT_ONCE = CompletableFuture.completedFuture(true);
    /**
     * Forwarded duplicates arrive within milliseconds, but a replay may come any time its timestamp is
     * still accepted: ids are remembered for one to two windows of at least 15 s and at least the
     * acceptance span ({@link PutAdmission#dedupMillis}), or, at high rates, for as long as 131,072 ids
     * take to arrive (4 MB of tables per node).
     */
    private static final long MIN_SEEN_WINDOW_MILLIS = 15_000;
    private static final int SEEN_TABLE_SLOTS = 1 << 18;

    private final Store store;
    private final Peers peers;
    private final GossipClient client;
    private final Supplier<NodeInfo> self;
    private final int replication;
    private final long writeTimeoutMillis;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final PutAdmission admission;
    private final RecentMessageIds seen;

    Replicator(Store store, Peers peers, GossipClient client, Supplier<NodeInfo> self,
               int replication, long writeTimeoutMillis, PutAdmission admission, LongSupplier clockMillis) {
        this.store = store;
        this.peers = peers;
        this.client = client;
        this.self = self;
        this.replication = replication;
        this.writeTimeoutMillis = writeTimeoutMillis;
        this.admission = admission;
        this.seen = new RecentMessageIds(admission.dedupMillis(MIN_SEEN_WINDOW_MILLIS), SEEN_TABLE_SLOTS, clockMillis);
    }

    /**
     * Sends an already locally stored value to the same-enclave peers.
     *
     * @return completes with true once a quorum confirmed, false when the write timeout passed first
     * or when every peer contacted has failed
     */
    public CompletableFuture<Boolean> replicate(String key, byte[] value, int ttlSeconds) {
        List<Peers.Peer> targets = peers.sameEnclave();
        if (targets.isEmpty()) {
            return QUORUM_AT_ONCE;
        }
        int acksNeeded = Quorum.required(targets.size(), replication) - 1;
        String id = key + "-" + Wire.unixNanos();
        byte[] body = Wire.toBytes(new GossipMessage(GossipMessage.PUT, self.get().id(), null, key, value,
                ttlSeconds, Wire.unixSeconds(), id, null));
        List<Peers.Peer> chosen = pick(targets, Quorum.fanout(targets.size()), null);
        Pending p = acksNeeded > 0 ? new Pending(acksNeeded, chosen.size(), chosen.size() == targets.size()) : null;
        if (p != null) {
            pending.put(id, p);
            p.done.completeOnTimeout(false, writeTimeoutMillis, TimeUnit.MILLISECONDS)
                    .whenComplete((ok, err) -> pending.remove(id));
        }
        for (Peers.Peer peer : chosen) {
            CompletableFuture<Integer> sent = client.post(peer.info().baseUrl(), Wire.GOSSIP_PATH, body);
            if (p != null) {
                sent.thenAccept(status -> {
                    if (status != 200) {
                        p.peerFailed();
                    }
                });
            }
        }
        return p == null ? QUORUM_AT_ONCE : p.done;
    }

    /** A PUT from a peer: store, ACK to the origin, forward in large enclaves. Returns the HTTP status. */
    public int onPut(GossipMessage m, byte[] rawBody) {
        int refusal = admission.refusal(m);
        if (refusal != 0) {
            return refusal;
        }
        if (!seen.addIfAbsent(m.messageId())) {
            return 200;
        }
        byte[] data = m.data() == null ? new byte[0] : m.data();
        int ttl = admission.ttlSeconds(m);
        if (!store.put(m.key(), data, ttl)) {
            seen.remove(m.messageId());
            return 507;
        }
        Peers.Peer origin = peers.get(m.from());
        if (origin != null) {
            GossipMessage ack = new GossipMessage(GossipMessage.ACK, self.get().id(), m.from(), m.key(), null, null,
                    Wire.unixSeconds(), m.messageId(), null);
            client.postFirst(origin.info().baseUrl(), Wire.GOSSIP_PATH, Wire.toBytes(ack));
        }
        List<Peers.Peer> same = peers.sameEnclave();
        if (same.size() > Quorum.FULL_BROADCAST_MAX) {
            for (Peers.Peer p : pick(same, Quorum.fanout(same.size()), m.from())) {
                client.post(p.info().baseUrl(), Wire.GOSSIP_PATH, rawBody);
            }
        }
        return 200;
    }

    public void onAck(GossipMessage m) {
        Pending p = m.messageId() == null ? null : pending.get(m.messageId());
        if (p != null) {
            p.acked();
        }
    }


    int pendingWrites() {
        return pending.size();
    }

    private static List<Peers.Peer> pick(List<Peers.Peer> from, int count, String excludeId) {
        List<Peers.Peer> candidates = from;
        if (excludeId != null) {
            candidates = new ArrayList<>(from.size());
            for (Peers.Peer p : from) {
                if (!p.info().id().equals(excludeId)) {
                    candidates.add(p);
                }
            }
        }
        if (count >= candidates.size()) {
            return candidates;
        }
        List<Peers.Peer> shuffled = new ArrayList<>(candidates);
        Collections.shuffle(shuffled, ThreadLocalRandom.current());
        return shuffled.subList(0, count);
    }

    /** Confirmations still owed for one write. */
    private static final class Pending {
        final CompletableFuture<Boolean> done = new CompletableFuture<>();
        final int needed;
        final int contacted;
        final boolean contactedAll;
        final AtomicInteger acks = new AtomicInteger();
        final AtomicInteger failures = new AtomicInteger();

        Pending(int needed, int contacted, boolean contactedAll) {
            this.needed = needed;
            this.contacted = contacted;
            this.contactedAll = contactedAll;
        }

        void acked() {
            if (acks.incrementAndGet() >= needed) {
                done.complete(true);
            }
        }

        /** Answering 202 early once quorum is out of reach beats making the client wait it out. */
        void peerFailed() {
            if (contactedAll && contacted - failures.incrementAndGet() < needed) {
                done.complete(false);
            }
        }
    }
}
