package io.repram.node.cluster;

import io.repram.node.NodeMetrics;
import io.repram.node.cluster.peerhttp.PeerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Who is in the cluster: bootstrap (retried with backoff until joined), answering bootstraps,
 * PING/PONG liveness with eviction after {@value #MAX_FAILED_PINGS} failures, and SYNC announces.
 */
public final class Membership {
    private static final Logger LOG = LoggerFactory.getLogger(Membership.class);
    static final int MAX_FAILED_PINGS = 3;
    private static final long MAX_BACKOFF_MILLIS = 5_000;

    private final Peers peers;
    private final GossipClient client;
    private final Supplier<NodeInfo> self;
    private final List<String> seeds;
    private final int replication;
    private final long pingIntervalMillis;
    private final NodeMetrics metrics;
    private final ExecutorService bootstrapper;
    private final AtomicBoolean bootstrapping = new AtomicBoolean();
    private final Map<String, Long> evictedAtMillis = new ConcurrentHashMap<>();
    private volatile boolean joined;
    private volatile boolean closed;

    public Membership(Peers peers, GossipClient client, Supplier<NodeInfo> self, List<String> seeds,
                      int replication, long pingIntervalMillis, NodeMetrics metrics, ExecutorService bootstrapper) {
        this.peers = peers;
        this.client = client;
        this.self = self;
        this.seeds = seeds;
        this.replication = replication;
        this.pingIntervalMillis = pingIntervalMillis;
        this.metrics = metrics;
        this.bootstrapper = bootstrapper;
    }

    /** Upstream tries once; we keep trying so nodes started together still find each other. */
    public void joinInBackground() {
        bootstrapping.set(true);
        bootstrapper.execute(() -> {
            long backoff = 200;
            try {
                while (!closed && !bootstrapOnce()) {
                    Thread.sleep(backoff);
                    backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                bootstrapping.set(false);
            }
        });
    }

    public boolean joined() {
        return joined;
    }

    /** Asks each seed in turn; true once one accepted us (or when there is nobody to ask). */
    boolean bootstrapOnce() {
        NodeInfo me = self.get();
        byte[] body = Wire.toBytes(new BootstrapRequest(me.id(), me.address(), me.port(), me.httpPort(), me.enclave()));
        boolean anySeed = false;
        for (String seed : seeds) {
            String base = seed.startsWith("http://") || seed.startsWith("https://") ? seed : "http://" + seed;
            if (base.equals(me.baseUrl()) || closed) {
                continue;
            }
            anySeed = true;
            try {
                PeerResponse resp = client.postAndWait(base, Wire.BOOTSTRAP_PATH, body);
                if (resp.status() != 200) {
                    LOG.debug("bootstrap via {} answered {}", seed, resp.status());
                    continue;
                }
                BootstrapResponse answer = Wire.JSON.readValue(resp.body(), BootstrapResponse.class);
                if (answer.success()) {
                    answer.peers().forEach(p -> addPeer(p, false));
                    if (!joined) {
                        LOG.info("joined the cluster via {}: {} peer(s)", seed, peers.size());
                    }
                    joined = true;
                    return true;
                }
            } catch (Exception e) {
                LOG.debug("bootstrap via {} failed: {}", seed, e.toString());
            }
        }
        if (!anySeed) {
            joined = true;
        } else {
            metrics.bootstrapFailures.inc();
        }
        return !anySeed;
    }

    /** Adds the requester, answers with everyone we know, and tells the others with SYNC. */
    public BootstrapResponse onBootstrap(BootstrapRequest req) {
        NodeInfo newcomer = req.toNodeInfo();
        addPeer(newcomer, true);
        List<NodeInfo> known = new ArrayList<>();
        for (Peers.Peer p : peers.all()) {
            known.add(p.info());
        }
        known.add(self.get());
        byte[] sync = Wire.toBytes(control(GossipMessage.SYNC, null, newcomer));
        for (Peers.Peer p : peers.all()) {
            if (!p.info().id().equals(newcomer.id())) {
                client.post(p.info().baseUrl(), Wire.GOSSIP_PATH, sync);
            }
        }
        return new BootstrapResponse(true, known);
    }

    public void onPing(GossipMessage m) {
        Peers.Peer from = peers.get(m.from());
        if (from == null && m.nodeInfo() != null && m.nodeInfo().id().equals(m.from())) {
            addPeer(m.nodeInfo(), true);
            from = peers.get(m.from());
        }
        if (from != null) {
            from.failedPings().set(0);
            byte[] pong = Wire.toBytes(control(GossipMessage.PONG, m.from(), self.get()));
            client.postFirst(from.info().baseUrl(), Wire.GOSSIP_PATH, pong);
        }
    }

    public void onPong(GossipMessage m) {
        Peers.Peer from = peers.get(m.from());
        if (from != null) {
            from.failedPings().set(0);
        } else if (m.nodeInfo() != null) {
            addPeer(m.nodeInfo(), m.nodeInfo().id().equals(m.from()));
        }
    }

    public void onSync(GossipMessage m) {
        if (m.nodeInfo() != null) {
            addPeer(m.nodeInfo(), m.nodeInfo().id().equals(m.from()));
        }
    }

    /** One liveness round; run every ping interval. */
    public void pingRound() {
        if (closed) {
            return;
        }
        NodeInfo me = self.get();
        for (Peers.Peer p : peers.all()) {
            byte[] ping = Wire.toBytes(control(GossipMessage.PING, p.info().id(), me));
            client.postFirst(p.info().baseUrl(), Wire.GOSSIP_PATH, ping).thenAccept(status -> {
                if (status == 200) {
                    p.failedPings().set(0);
                    return;
                }
                metrics.pingFailures.inc();
                if (p.failedPings().incrementAndGet() >= MAX_FAILED_PINGS && peers.remove(p.info().id())) {
                    evictedAtMillis.put(p.info().id(), System.currentTimeMillis());
                    metrics.peerEvictions.inc();
                    LOG.warn("evicted peer {} ({}) after {} failed pings", p.info().id(), p.info().baseUrl(),
                            MAX_FAILED_PINGS);
                }
            });
        }
        if (peers.size() < replication - 1) {
            reannounce();
        }
        long forget = System.currentTimeMillis() - 10 * pingIntervalMillis;
        evictedAtMillis.values().removeIf(t -> t < forget);
    }

    /** Too few peers: tell the ones we know about us, and ask the seeds again. */
    private void reannounce() {
        byte[] sync = Wire.toBytes(control(GossipMessage.SYNC, null, self.get()));
        for (Peers.Peer p : peers.all()) {
            client.post(p.info().baseUrl(), Wire.GOSSIP_PATH, sync);
        }
        if (!seeds.isEmpty() && bootstrapping.compareAndSet(false, true)) {
            bootstrapper.execute(() -> {
                try {
                    bootstrapOnce();
                } finally {
                    bootstrapping.set(false);
                }
            });
        }
    }

    /**
     * @param direct the node itself told us (bootstrap, its own PING/SYNC); hearsay about a peer we
     *               evicted moments ago is ignored so a dead node is not resurrected by a slower peer
     */
    private void addPeer(NodeInfo info, boolean direct) {
        if (info == null || info.id() == null) {
            return;
        }
        Long evicted = evictedAtMillis.get(info.id());
        if (!direct && evicted != null && System.currentTimeMillis() - evicted < 3 * pingIntervalMillis) {
            return;
        }
        if (peers.upsert(info)) {
            evictedAtMillis.remove(info.id());
            metrics.peerJoins.inc();
            LOG.info("peer {} at {} joined (enclave {})", info.id(), info.baseUrl(), info.enclaveOrDefault());
        }
    }

    private GossipMessage control(String type, String to, NodeInfo nodeInfo) {
        return new GossipMessage(type, self.get().id(), to, null, null, null, Wire.unixSeconds(),
                Wire.controlMessageId(), nodeInfo);
    }

    public void close() {
        closed = true;
    }
}
