package io.repram.node.cluster;

import io.repram.node.NodeConfig;
import io.repram.node.NodeMetrics;
import io.repram.node.store.Store;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/** The gossip side of a node: the peer table, membership and the replicated write path. */
public final class Cluster implements AutoCloseable {
    private final NodeConfig cfg;
    private final Peers peers;
    private final GossipClient client;
    private final Replicator replicator;
    private final Membership membership;
    private final ScheduledExecutorService timers;
    private final ExecutorService bootstrapper;
    private volatile NodeInfo self;

    /** @param clockMillis wall clock that gossip timestamps are checked against (tests inject one) */
    public Cluster(NodeConfig cfg, Store store, NodeMetrics metrics, LongSupplier clockMillis) {
        this.cfg = cfg;
        this.peers = new Peers(cfg.nodeId(), cfg.enclave());
        // Writes wait WRITE_TIMEOUT at most; a gossip send outliving that is of no use to anyone.
        this.client = new GossipClient(new Signer(cfg.clusterSecret()),
                Math.max(2_000, cfg.writeTimeoutSeconds() * 1000L));
        this.timers = Executors.newSingleThreadScheduledExecutor(daemon("cluster-timers"));
        this.bootstrapper = Executors.newSingleThreadExecutor(daemon("bootstrap"));
        this.replicator = new Replicator(store, peers, client, this::self, cfg.replication(),
                cfg.writeTimeoutSeconds() * 1000L,
                new PutAdmission(cfg.minTtlSeconds(), cfg.maxTtlSeconds(), cfg.gossipWindowSeconds(), clockMillis),
                clockMillis);
        this.membership = new Membership(peers, client, this::self, cfg.peers(), cfg.replication(),
                cfg.pingIntervalMillis(), metrics, bootstrapper);
        metrics.gauge("repram_peers_active", "Peers in this node's table", peers::size);
    }

    /** Starts joining and pinging once the HTTP port is known (it may have been ephemeral). */
    public void start(int boundHttpPort) {
        self = new NodeInfo(cfg.nodeId(), cfg.address(), cfg.gossipPort(), boundHttpPort, cfg.enclave());
        membership.joinInBackground();
        timers.scheduleWithFixedDelay(membership::pingRound, cfg.pingIntervalMillis(), cfg.pingIntervalMillis(),
                TimeUnit.MILLISECONDS);
    }

    public NodeInfo self() {
        return self;
    }

    public boolean started() {
        return self != null;
    }

    public Peers peers() {
        return peers;
    }

    public boolean joined() {
        return membership.joined();
    }

    public CompletableFuture<Boolean> replicate(String key, byte[] value, int ttlSeconds) {
        return replicator.replicate(key, value, ttlSeconds);
    }

    /** Dispatches one gossip message; returns the HTTP status to answer with. */
    public int onMessage(GossipMessage m, byte[] rawBody) {
        if (m == null || m.type() == null) {
            return 400;
        }
        switch (m.type()) {
            case GossipMessage.PUT:
                return replicator.onPut(m, rawBody);
            case GossipMessage.ACK:
                replicator.onAck(m);
                return 200;
            case GossipMessage.PING:
                membership.onPing(m);
                return 200;
            case GossipMessage.PONG:
                membership.onPong(m);
                return 200;
            case GossipMessage.SYNC:
                membership.onSync(m);
                return 200;
            default:
                return 400;
        }
    }

    public BootstrapResponse onBootstrap(BootstrapRequest req) {
        return membership.onBootstrap(req);
    }

    @Override
    public void close() {
        membership.close();
        timers.shutdownNow();
        bootstrapper.shutdownNow();
        client.close();
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
