package io.repram.node.http;

import com.fasterxml.jackson.core.JacksonException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.repram.node.cluster.BootstrapRequest;
import io.repram.node.cluster.Cluster;
import io.repram.node.cluster.GossipMessage;
import io.repram.node.cluster.Signer;
import io.repram.node.cluster.Wire;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/** Peer-facing endpoints: {@code POST /v1/gossip/message} and {@code POST /v1/bootstrap}. */
final class ClusterRoutes {
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final Cluster cluster;
    private final Signer signer;
    private final BodyReader bodies;

    ClusterRoutes(Cluster cluster, Signer signer, BodyReader bodies) {
        this.cluster = cluster;
        this.signer = signer;
        this.bodies = bodies;
    }

    void register(Javalin app) {
        app.post(Wire.GOSSIP_PATH, ctx -> withVerifiedBody(ctx, this::gossip));
        app.post(Wire.BOOTSTRAP_PATH, ctx -> withVerifiedBody(ctx, this::bootstrap));
    }

    private interface PeerHandler {
        void handle(Context ctx, byte[] raw) throws IOException;
    }

    private void gossip(Context ctx, byte[] raw) throws IOException {
        GossipMessage m;
        try {
            m = Wire.JSON.readValue(raw, GossipMessage.class);
        } catch (JacksonException e) {
            Json.error(ctx, 400, "Invalid JSON");
            return;
        }
        if (m == null) {
            Json.error(ctx, 400, "Gossip message must be a JSON object");
            return;
        }
        int status = cluster.onMessage(m, raw);
        switch (status) {
            case 200 -> Json.success(ctx);
            case 400 -> Json.error(ctx, 400, "Invalid gossip message");
            case 413 -> Json.error(ctx, 413, "Gossip value larger than the client API allows");
            case 507 -> Json.error(ctx, 507, "Node storage capacity exceeded");
            default -> Json.error(ctx, status, "Gossip error");
        }
    }

    private void bootstrap(Context ctx, byte[] raw) throws IOException {
        BootstrapRequest req;
        try {
            req = Wire.JSON.readValue(raw, BootstrapRequest.class);
        } catch (JacksonException e) {
            Json.error(ctx, 400, "Invalid JSON");
            return;
        }
        if (req == null || req.nodeId() == null || req.nodeId().isEmpty() || req.address() == null
                || req.httpPort() <= 0) {
            Json.error(ctx, 400, "node_id, address and http_port are required");
            return;
        }
        Json.write(ctx, 200, cluster.onBootstrap(req));
    }

    /** Reads the body and checks its signature; only a verified body reaches {@code handler}. */
    private void withVerifiedBody(Context ctx, PeerHandler handler) {
        if (!cluster.started()) {
            Json.error(ctx, 503, "Node is starting");
            return;
        }
        bodies.read(ctx, BodyReader.MAX_GOSSIP_BYTES, "Gossip message", raw -> {
            if (verified(ctx, raw)) {
                try {
                    handler.handle(ctx, raw);
                } catch (IOException e) {
                    return CompletableFuture.failedFuture(e);
                }
            }
            return DONE;
        }, Json::error);
    }

    private boolean verified(Context ctx, byte[] raw) {
        if (!signer.enabled()) {
            return true;
        }
        String sig = ctx.header(Signer.HEADER);
        if (sig == null || sig.isEmpty()) {
            Json.error(ctx, 403, "Missing signature");
            return false;
        }
        if (!signer.verify(raw, sig)) {
            Json.error(ctx, 403, "Invalid signature");
            return false;
        }
        return true;
    }
}
