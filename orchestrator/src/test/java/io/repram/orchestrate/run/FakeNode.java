package io.repram.orchestrate.run;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.repram.orchestrate.engine.NodeEndpoint;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A REPRAM-like store on 127.0.0.1 for audit tests: PUT keeps the bytes (201), GET returns them or
 * 404; with {@code listing}, {@code GET /v1/keys?prefix=&limit=&cursor=} pages through the sorted keys.
 */
final class FakeNode implements AutoCloseable {

    static {
        // Without it the JDK server's separate header and body writes meet delayed ACKs: 40 ms a response.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    final Map<String, byte[]> stored = new ConcurrentHashMap<>();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);

    final java.util.concurrent.atomic.AtomicLong dataGets = new java.util.concurrent.atomic.AtomicLong();
    /** The client ports data requests came from: one per keep-alive connection, so one per load worker. */
    final java.util.Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();

    FakeNode() throws IOException {
        this(false);
    }

    FakeNode(boolean listing) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
        server.setExecutor(executor);
        server.createContext("/v1/data/", this::handle);
        if (listing) server.createContext("/v1/keys", this::keys);
        server.start();
    }

    private void keys(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> q = new java.util.HashMap<>();
            for (String pair : exchange.getRequestURI().getQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                q.put(kv[0], java.net.URLDecoder.decode(kv.length > 1 ? kv[1] : "", java.nio.charset.StandardCharsets.UTF_8));
            }
            int limit = Integer.parseInt(q.getOrDefault("limit", "1000"));
            String prefix = q.getOrDefault("prefix", "");
            String cursor = q.get("cursor");
            java.util.List<String> page = stored.keySet().stream().sorted().filter(k -> k.startsWith(prefix))
                    .filter(k -> cursor == null || k.compareTo(cursor) > 0).limit(limit + 1L).toList();
            StringBuilder json = new StringBuilder("{\"keys\":[");
            for (int i = 0; i < Math.min(limit, page.size()); i++) {
                json.append(i == 0 ? "" : ",").append('"').append(page.get(i)).append('"');
            }
            json.append(']');
            if (page.size() > limit) json.append(",\"next_cursor\":\"").append(page.get(limit - 1)).append('"');
            byte[] body = json.append('}').toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    NodeEndpoint endpoint(int index) {
        return new NodeEndpoint(index, "fake-" + index, "127.0.0.1", server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            clientPorts.add(exchange.getRemoteAddress().getPort());
            String key = exchange.getRequestURI().getPath().substring("/v1/data/".length());
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (exchange.getRequestMethod().equals("PUT")) {
                stored.put(key, body);
                exchange.sendResponseHeaders(201, -1);
                return;
            }
            dataGets.incrementAndGet();
            byte[] value = stored.get(key);
            if (value == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.sendResponseHeaders(200, value.length == 0 ? -1 : value.length);
            exchange.getResponseBody().write(value);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
