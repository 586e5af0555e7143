package io.repram.node.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.repram.node.NodeConfig;
import io.repram.node.cluster.Cluster;
import io.repram.node.store.Entry;
import io.repram.node.store.KeysPage;
import io.repram.node.store.Limits;
import io.repram.node.store.Store;
import io.repram.node.store.Ttl;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The client API on values: PUT/GET/HEAD {@code /v1/data/{key}} and {@code /v1/keys}. */
final class DataRoutes {
    static final int DEFAULT_KEYS_LIMIT = 1000;
    static final int MAX_KEYS_LIMIT = 10_000;
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final NodeConfig cfg;
    private final Store store;
    private final Cluster cluster;
    private final BodyReader bodies;

    DataRoutes(NodeConfig cfg, Store store, Cluster cluster, BodyReader bodies) {
        this.cfg = cfg;
        this.store = store;
        this.cluster = cluster;
        this.bodies = bodies;
    }

    void register(Javalin app) {
        app.put("/v1/data/{key}", this::put);
        app.get("/v1/data/{key}", this::get);
        app.head("/v1/data/{key}", this::get);
        app.get("/v1/keys", this::keys);
    }

    private void put(Context ctx) {
        String key = ctx.pathParam("key");
        if (!KeyPath.validEscapes(ctx.path())) {
            invalidEscapes(ctx);
            return;
        }
        if (Limits.keyTooLong(key)) {
            ctx.status(400).result("Key longer than " + Limits.MAX_KEY_BYTES + " bytes");
            return;
        }
        int ttl = Ttl.resolve(ctx.queryParam("ttl"), ctx.header("X-TTL"), cfg.minTtlSeconds(), cfg.maxTtlSeconds());
        bodies.read(ctx, Limits.MAX_VALUE_BYTES, "Request body", body -> store(ctx, key, body, ttl),
                (c, status, message) -> c.status(status).result(message));
    }

    /** Stores locally, then replicates; the deciding ACK or the write timeout sets the reply. */
    private CompletableFuture<?> store(Context ctx, String key, byte[] body, int ttl) {
        if (!store.put(key, body, ttl)) {
            ctx.status(507).result("Node storage capacity exceeded");
            return DONE;
        }
        return cluster.replicate(key, body, ttl).thenAccept(ok -> answerPut(ctx, ok));
    }

    private static void invalidEscapes(Context ctx) {
        ctx.status(400).result("Key contains percent-escapes that are not UTF-8");
    }

    private static void answerPut(Context ctx, boolean quorum) {
        if (quorum) {
            ctx.status(201).result("OK");
        } else {
            ctx.status(202).result("Accepted (quorum pending)");
        }
    }

    private void get(Context ctx) {
        if (!KeyPath.validEscapes(ctx.path())) {
            invalidEscapes(ctx);
            return;
        }
        Entry e = store.get(ctx.pathParam("key"));
        if (e == null) {
            ctx.status(404).result("Not found");
            return;
        }
        long now = System.currentTimeMillis();
        ctx.header("X-Created-At", DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochSecond(e.createdAtMillis() / 1000)));
        ctx.header("X-Original-TTL", Integer.toString(e.ttlSeconds()));
        ctx.header("X-Remaining-TTL", Long.toString(e.remainingSeconds(now)));
        ctx.contentType("application/octet-stream");
        ctx.header("Content-Length", Integer.toString(e.value().length));
        ctx.status(200).result(e.value());
    }

    private void keys(Context ctx) {
        int limit = DEFAULT_KEYS_LIMIT;
        String rawLimit = ctx.queryParam("limit");
        if (rawLimit != null && !rawLimit.isBlank()) {
            try {
                limit = Math.max(1, Math.min(MAX_KEYS_LIMIT, Integer.parseInt(rawLimit.trim())));
            } catch (NumberFormatException ex) {
                ctx.status(400).result("limit must be an integer, got '" + rawLimit + "'");
                return;
            }
        }
        KeysPage page = store.keys(ctx.queryParam("prefix"), limit, ctx.queryParam("cursor"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("keys", page.keys());
        if (page.nextCursor() != null) {
            out.put("next_cursor", page.nextCursor());
        }
        Json.write(ctx, 200, out);
    }
}
