package io.repram.orchestrate.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A node for the monitor whose request counter grows at exactly {@code requestsPerSec} on its own
 * clock, however often and however late it is read: a known rate to hold the monitor's figures to.
 */
final class SteadyRateNode implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final double requestsPerSec;
    private final long startNanos = System.nanoTime();

    SteadyRateNode(String nodeId, double requestsPerSec) throws IOException {
        this.requestsPerSec = requestsPerSec;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 20);
        server.setExecutor(executor);
        String health = "{\"status\":\"healthy\",\"node_id\":\"" + nodeId + "\"}";
        server.createContext("/v1/health", x -> send(x, "application/json", health));
        server.createContext("/v1/status", x -> send(x, "application/json",
                "{\"node_id\":\"" + nodeId + "\",\"storage\":{\"items\":0,\"bytes\":0}}"));
        server.createContext("/v1/metrics", x -> send(x, "text/plain; version=0.0.4", metrics()));
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private String metrics() {
        long served = Math.round(requestsPerSec * (System.nanoTime() - startNanos) / 1e9);
        return String.format(Locale.ROOT, "# TYPE repram_http_requests_total counter%n"
                + "repram_http_requests_total{route=\"/v1/data/{key}\",method=\"PUT\",status=\"201\"} %d%n", served);
    }

    private static void send(HttpExchange x, String type, String body) throws IOException {
        try (x) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().set("Content-Type", type);
            x.sendResponseHeaders(200, bytes.length);
            x.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
