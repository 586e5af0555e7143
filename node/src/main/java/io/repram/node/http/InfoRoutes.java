package io.repram.node.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.repram.node.NodeConfig;
import io.repram.node.NodeMetrics;
import io.repram.node.cluster.Cluster;
import io.repram.node.cluster.Peers;
import io.repram.node.store.Store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Read-only node information: health, status, topology and metrics. */
final class InfoRoutes {
    private final NodeConfig cfg;
    private final Store store;
    private final Cluster cluster;
    private final NodeMetrics metrics;
    private final long startedAtMillis = System.currentTimeMillis();

    InfoRoutes(NodeConfig cfg, Store store, Cluster cluster, NodeMetrics metrics) {
        this.cfg = cfg;
        this.store = store;
        this.cluster = cluster;
        this.metrics = metrics;
    }

    void register(Javalin app) {
        app.get("/v1/health", ctx -> Json.write(ctx, 200, health()));
        app.get("/v1/status", this::status);
        app.get("/v1/topology", this::topology);
        app.get("/v1/metrics", ctx -> ctx.contentType(metrics.contentType()).result(metrics.scrape()));
    }

    private Map<String, Object> health() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", "healthy");
        out.put("node_id", cfg.nodeId());
        out.put("network", cfg.network());
        out.put("enclave", cfg.enclave());
        return out;
    }

    private void status(Context ctx) {
        Runtime rt = Runtime.getRuntime();
        Map<String, Object> out = health();
        long uptimeSeconds = (System.currentTimeMillis() - startedAtMillis) / 1000;
        out.put("uptime", uptimeSeconds + "s");
        out.put("uptime_seconds", uptimeSeconds);
        out.put("threads", Thread.activeCount());
        Map<String, Object> memory = new LinkedHashMap<>();
        memory.put("heap_used_bytes", rt.totalMemory() - rt.freeMemory());
        memory.put("heap_committed_bytes", rt.totalMemory());
        memory.put("heap_max_bytes", rt.maxMemory());
        memory.put("rss", ResidentMemory.bytes());
        out.put("memory", memory);
        Map<String, Object> storage = new LinkedHashMap<>();
        storage.put("items", store.items());
        storage.put("bytes", store.bytes());
        storage.put("max_bytes", store.maxBytes());
        storage.put("offheap_used_bytes", store.offHeapUsedBytes());
        storage.put("offheap_committed_bytes", store.offHeapCommittedBytes());
        storage.put("offheap_max_bytes", cfg.maxOffHeapBytes());
        out.put("storage", storage);
        out.put("peers", cluster.peers().size());
        out.put("joined", cluster.joined());
        Json.write(ctx, 200, out);
    }

    private void topology(Context ctx) {
        List<Map<String, Object>> peers = new ArrayList<>();
        for (Peers.Peer p : cluster.peers().all()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", p.info().id());
            m.put("address", p.info().address());
            m.put("http_port", p.info().httpPort());
            m.put("enclave", p.info().enclaveOrDefault());
            peers.add(m);
        }
        peers.sort((a, b) -> ((String) a.get("id")).compareTo((String) b.get("id")));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("node_id", cfg.nodeId());
        out.put("enclave", cfg.enclave());
        out.put("peers", peers);
        Json.write(ctx, 200, out);
    }
}
