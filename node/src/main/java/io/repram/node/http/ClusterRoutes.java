package io.repram.node.http;

import com.fasterxml.jackson.core.JacksonException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.repram.node.NodeMetrics;
import io.repram.node.cluster.BootstrapRequest;
import io.repram.node.cluster.Cluster;
import io.repram.node.cluster.GossipMessage;
import io.repram.node.cluster.Signer;
import io.repram.node.cluster.Wire;

import java.io.IOException;

/** Peer-facing endpoints: {@code POST /v1/gossip/message} and {@code POST /v1/bootstrap}. */
final class ClusterRoutes {
    private final Cluster cluster;
    private final Signer signer;
    private final NodeMetrics metrics;

    ClusterRoutes(Cluster cluster, Signer signer, NodeMetrics metrics) {
        this.cluster = cluster;
        this.signer = signer;
        this.metrics = metrics;
    }

    void register(Javalin app) {
        app.post(Wire.GOSSIP_PATH, this::gossip);
        app.post(Wire.BOOTSTRAP_PATH, this::bootstrap);
    }

    private void gossip(Context ctx) throws IOException {
        byte[] raw = verifiedBody(ctx);
        if (raw == null) {
            return;
        }
        GossipMessage m;
        try {
            m = Wire.JSON.readValue(raw, GossipMessage.class);
        } catch (JacksonException e) {
            Json.error(ctx, 400, "Invalid JSON");
            return;
        }
        int status = cluster.onMessage(m, raw);
        switch (status) {
            case 200 -> Json.success(ctx);
            case 400 -> Json.error(ctx, 400, "Invalid gossip message");
            case 507 -> Json.error(ctx, 507, "Node storage capacity exceeded");
            default -> Json.error(ctx, status, "Gossip error");
        }
    }

    private void bootstrap(Context ctx) throws IOException {
        byte[] raw = verifiedBody(ctx);
        if (raw == null) {
            return;
        }
        BootstrapRequest req;
        try {
            req = Wire.JSON.readValue(raw, BootstrapRequest.class);
        } catch (JacksonException e) {
            Json.error(ctx, 400, "Invalid JSON");
            return;
        }
        if (req.nodeId() == null || req.nodeId().isEmpty() || req.address() == null || req.httpPort() <= 0) {
            Json.error(ctx, 400, "node_id, address and http_port are required");
            return;
        }
        Json.write(ctx, 200, cluster.onBootstrap(req));
    }

    /** Reads the body and checks its signature; on failure the reply is already set and null returned. */
    private byte[] verifiedBody(Context ctx) throws IOException {
        if (!cluster.started()) {
            Json.error(ctx, 503, "Node is starting");
            return null;
        }
        byte[] raw = Bodies.read(ctx, Bodies.MAX_GOSSIP_BYTES);
        if (raw == null) {
            metrics.oversized.inc();
            Json.error(ctx, 413, "Gossip message larger than " + Bodies.MAX_GOSSIP_BYTES + " bytes");
            return null;
        }
        if (signer.enabled()) {
            String sig = ctx.header(Signer.HEADER);
            if (sig == null || sig.isEmpty()) {
                Json.error(ctx, 403, "Missing signature");
                return null;
            }
            if (!signer.verify(raw, sig)) {
                Json.error(ctx, 403, "Invalid signature");
                return null;
            }
        }
        return raw;
    }
}
