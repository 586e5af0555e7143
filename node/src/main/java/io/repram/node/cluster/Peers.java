package io.repram.node.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The peer table. The write path reads {@link #sameEnclave()} on every PUT, so that list is a
 * snapshot rebuilt only when membership changes.
 */
public final class Peers {
    /** A peer and its run of consecutive failed pings. */
    public record Peer(NodeInfo info, AtomicInteger failedPings) {
    }

    private final String selfId;
    private final String enclave;
    private final Map<String, Peer> byId = new ConcurrentHashMap<>();
    private volatile List<Peer> sameEnclave = List.of();

    public Peers(String selfId, String enclave) {
        this.selfId = selfId;
        this.enclave = enclave;
    }

    /** Adds or refreshes a peer; returns true when it was not known before. Ignores this node. */
    public boolean upsert(NodeInfo info) {
        if (info == null || info.id() == null || info.id().isEmpty() || info.id().equals(selfId)
                || info.address() == null || info.httpPort() <= 0) {
            return false;
        }
        Peer old = byId.get(info.id());
        if (old != null && old.info().equals(info)) {
            old.failedPings().set(0);
            return false;
        }
        byId.put(info.id(), new Peer(info, new AtomicInteger()));
        rebuild();
        return old == null;
    }

    public boolean remove(String id) {
        boolean removed = byId.remove(id) != null;
        if (removed) {
            rebuild();
        }
        return removed;
    }

    public Peer get(String id) {
        return id == null ? null : byId.get(id);
    }

    public List<Peer> all() {
        return List.copyOf(byId.values());
    }

    public List<Peer> sameEnclave() {
        return sameEnclave;
    }

    public int size() {
        return byId.size();
    }

    private synchronized void rebuild() {
        List<Peer> same = new ArrayList<>();
        for (Peer p : byId.values()) {
            if (p.info().enclaveOrDefault().equals(enclave)) {
                same.add(p);
            }
        }
        sameEnclave = List.copyOf(same);
    }
}
