package io.repram.node.http;

import io.javalin.Javalin;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.repram.node.NodeConfig;
import io.repram.node.NodeMetrics;
import io.repram.node.cluster.Cluster;
import io.repram.node.cluster.Signer;
import io.repram.node.cluster.Wire;
import io.repram.node.store.Store;

import java.util.concurrent.ScheduledExecutorService;

/** Builds the Javalin app: routes, security headers, CORS, rate limiting and request metrics. */
public final class HttpApi {
    /**
     * Javalin copies every result through a fresh buffer of this size. Small, because most answers
     * are a few bytes (gossip replies, PUT results) and larger values only take a few more writes
     * into Jetty's own pooled buffer. (JFR: at 2 KiB these copies were still 15% of allocation.)
     */
    static final int RESPONSE_COPY_BUFFER_BYTES = 512;

    private HttpApi() {
    }

    public static Javalin create(NodeConfig cfg, Store store, Cluster cluster, NodeMetrics metrics,
                                 RateLimiter limiter, ScheduledExecutorService bodyDeadlines) {
        Javalin app = Javalin.create(c -> {
            c.showJavalinBanner = false;
            c.startupWatcherEnabled = false;
            // No handler blocks on peers (PUTs complete asynchronously) or on slow clients (bodies
            // not yet arrived are read asynchronously), so a small pool suffices; 64 threads only
            // cycled through idle polls and context switches on 2 cores.
            QueuedThreadPool pool = new QueuedThreadPool(16, 4, 60_000);
            pool.setName("http");
            c.jetty.threadPool = pool;
            // Jetty would wait for the first body bytes before running a handler, with no deadline but
            // the 30 s idle timeout; dispatched at once, the body reader's deadline covers that wait too.
            c.jetty.modifyHttpConfiguration(h -> h.setDelayDispatchUntilContent(false));
            // Our own readers enforce 10 MiB (values) and the larger base64 gossip limit.
            c.http.maxRequestSize = BodyReader.MAX_GOSSIP_BYTES;
            // Javalin copies every result through a fresh buffer of this size (default: Jetty's 32 KiB
            // output buffer). At three responses per replicated PUT that was two thirds of all
            // allocation, so young GCs came several times a second and set the p99. Jetty still
            // aggregates these small writes in its own pooled buffer.
            c.http.responseBufferSize = RESPONSE_COPY_BUFFER_BYTES;
            // Upstream never compresses, values are opaque bytes, and gzip would be CPU taken from
            // the replication path; Javalin would otherwise decide per response from its first write.
            c.http.disableCompression();
            c.requestLogger.http((ctx, ms) -> metrics.request(route(ctx), ctx.method().name(),
                    ctx.statusCode(), ms / 1000.0));
        });
        app.before(ctx -> {
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("X-Frame-Options", "DENY");
            String origin = ctx.header("Origin");
            if (origin != null) {
                ctx.header("Access-Control-Allow-Origin", origin);
            }
            ctx.header("Access-Control-Allow-Methods", "GET, PUT, POST, OPTIONS");
            ctx.header("Access-Control-Allow-Headers", "Content-Type, X-TTL");
            ctx.header("Access-Control-Max-Age", "3600");
            if (limiter.enabled() && !isPeerTraffic(ctx) && !limiter.tryAcquire(clientIp(ctx, cfg.trustProxy()))) {
                metrics.rateLimited.inc();
                ctx.status(429).result("Rate limit exceeded");
                ctx.skipRemainingHandlers();
            }
        });
        app.options("/*", ctx -> ctx.status(200));
        BodyReader bodies = new BodyReader(cfg.bodyTimeoutMillis(), bodyDeadlines, metrics);
        new DataRoutes(cfg, store, cluster, bodies).register(app);
        new InfoRoutes(cfg, store, cluster, metrics).register(app);
        new ClusterRoutes(cluster, new Signer(cfg.clusterSecret()), bodies).register(app);
        app.exception(Exception.class, (e, ctx) -> ctx.status(500).result("Internal error: " + e.getClass().getSimpleName()));
        return app;
    }

    /**
     * Peers are authenticated by the cluster secret and may share one IP (a loopback cluster), so
     * the per-client limit would throttle replication itself.
     */
    private static boolean isPeerTraffic(Context ctx) {
        if (ctx.method() != HandlerType.POST) {
            return false;
        }
        String path = ctx.path();
        return path.equals(Wire.GOSSIP_PATH) || path.equals(Wire.BOOTSTRAP_PATH);
    }

    static String clientIp(Context ctx, boolean trustProxy) {
        if (trustProxy) {
            String forwarded = ctx.header("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                int comma = forwarded.indexOf(',');
                return (comma < 0 ? forwarded : forwarded.substring(0, comma)).trim();
            }
            String real = ctx.header("X-Real-IP");
            if (real != null && !real.isBlank()) {
                return real.trim();
            }
        }
        return ctx.req().getRemoteAddr();
    }

    private static String route(Context ctx) {
        try {
            String path = ctx.endpointHandlerPath();
            return path == null || path.isEmpty() ? "unmatched" : path;
        } catch (RuntimeException e) {
            return "unmatched";
        }
    }
}
