package io.repram.node;

import io.javalin.Javalin;
import io.repram.node.cluster.Cluster;
import io.repram.node.http.HttpApi;
import io.repram.node.http.RateLimiter;
import io.repram.node.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/** One running REPRAM node; embeddable (tests, process driver) and used by {@link Main}. */
public final class RepramNode implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RepramNode.class);
    private static final long SWEEP_INTERVAL_MILLIS = 2_000;

    private final NodeConfig cfg;
    private final Store store;
    private final Cluster cluster;
    private final Javalin app;
    private final ScheduledExecutorService sweeper;
    private final ScheduledExecutorService bodyDeadlines;

    private RepramNode(NodeConfig cfg, Clock clock) {
        this.cfg = cfg;
        NodeMetrics metrics = new NodeMetrics();
        this.store = new Store(cfg.maxStorageBytes(), cfg.maxOffHeapBytes(), clock::millis);
        metrics.gauge("repram_storage_items", "Values held, expired ones not yet swept included", store::items);
        metrics.gauge("repram_storage_bytes", "Bytes held against REPRAM_MAX_STORAGE_MB", store::bytes);
        metrics.gauge("repram_storage_offheap_used_bytes", "Off-heap bytes in chunks holding keys and values", store::offHeapUsedBytes);
        metrics.gauge("repram_storage_offheap_committed_bytes", "Off-heap bytes held by the slabs of keys and values",
                store::offHeapCommittedBytes);
        this.cluster = new Cluster(cfg, store, metrics, clock::millis);
        RateLimiter limiter = new RateLimiter(cfg.rateLimitPerSecond());
        this.sweeper = Executors.newSingleThreadScheduledExecutor(daemon("store-sweeper"));
        // Its own thread, so a long sweep never delays answering a stalled client with 408.
        ScheduledThreadPoolExecutor deadlines = new ScheduledThreadPoolExecutor(1, daemon("body-deadlines"));
        deadlines.setRemoveOnCancelPolicy(true);
        this.bodyDeadlines = deadlines;
        this.app = HttpApi.create(cfg, store, cluster, metrics, limiter, deadlines);
        sweeper.scheduleWithFixedDelay(() -> {
            store.sweep();
            if (limiter.enabled()) {
                limiter.forgetIdle();
            }
        }, SWEEP_INTERVAL_MILLIS, SWEEP_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Binds the HTTP port (0 = ephemeral), then starts joining the cluster. */
    public static RepramNode start(NodeConfig cfg) {
        return start(cfg, Clock.systemUTC());
    }

    /**
     * @param clock the wall clock for value expiry, message de-duplication and the gossip timestamp
     *              window (tests pass one that is fixed or offset)
     */
    public static RepramNode start(NodeConfig cfg, Clock clock) {
        if ("public".equalsIgnoreCase(cfg.network())) {
            LOG.warn("REPRAM_NETWORK=public: DNS discovery is not supported by this node; using REPRAM_PEERS only");
        }
        RepramNode node = new RepramNode(cfg, clock);
        try {
            node.app.start(cfg.bindAddress(), cfg.httpPort());
        } catch (RuntimeException e) {
            node.close();
            throw new IllegalStateException("cannot listen on " + cfg.bindAddress() + ":" + cfg.httpPort()
                    + " (" + e.getMessage() + "); pick a free REPRAM_HTTP_PORT or 0 for any", e);
        }
        node.cluster.start(node.app.port());
        LOG.info("REPRAM node {} listening on {}:{} (advertised {}:{}), enclave {}, {} seed peer(s), replication {}",
                cfg.nodeId(), cfg.bindAddress(), node.app.port(), cfg.address(), node.app.port(), cfg.enclave(),
                cfg.peers().size(), cfg.replication());
        return node;
    }

    public int httpPort() {
        return app.port();
    }

    public String nodeId() {
        return cfg.nodeId();
    }

    public NodeConfig config() {
        return cfg;
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
        cluster.close();
        app.stop();
        bodyDeadlines.shutdownNow();
        store.close();
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
