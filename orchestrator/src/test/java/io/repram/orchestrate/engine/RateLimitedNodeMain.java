package io.repram.orchestrate.engine;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stand-in node whose rate limiter reads REPRAM_RATE_LIMIT the way upstream's Go node does: a
 * token bucket per client IP with {@code rate} tokens/s and a burst of 2 x rate, so 0 means zero
 * requests/s and every request is answered 429. Otherwise it answers /v1/health and an empty
 * /v1/topology, enough for a 1-node cluster. JDK only, so a test can run it as a node jar; it exits
 * when its stdin closes, as the process driver expects of nodes.
 */
public final class RateLimitedNodeMain {
    private static final Map<String, double[]> BUCKETS = new ConcurrentHashMap<>();

    private RateLimitedNodeMain() {
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(System.getenv().getOrDefault("REPRAM_HTTP_PORT", "8080"));
        double rate = Double.parseDouble(System.getenv().getOrDefault("REPRAM_RATE_LIMIT", "100"));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", exchange -> answer(exchange, rate));
        server.start();
        System.out.println("rate-limited stand-in node on " + port + ", REPRAM_RATE_LIMIT=" + rate);
        while (System.in.read() >= 0) {
            // the orchestrator never writes: EOF means it is gone
        }
        System.exit(0);
    }

    private static void answer(HttpExchange exchange, double rate) throws IOException {
        String client = exchange.getRemoteAddress().getAddress().getHostAddress();
        if (!take(client, rate)) {
            send(exchange, 429, "Rate limit exceeded");
            return;
        }
        switch (exchange.getRequestURI().getPath()) {
            case "/v1/health" -> send(exchange, 200, "{\"status\":\"healthy\"}");
            case "/v1/topology" -> send(exchange, 200, "{\"peers\":[]}");
            default -> send(exchange, 404, "not found");
        }
    }

    /** One token from the client's bucket, refilled at {@code rate}/s up to 2 x rate. */
    private static boolean take(String client, double rate) {
        long now = System.nanoTime();
        double[] bucket = BUCKETS.computeIfAbsent(client, c -> new double[] {2 * rate, now});
        synchronized (bucket) {
            bucket[0] = Math.min(2 * rate, bucket[0] + (now - bucket[1]) / 1e9 * rate);
            bucket[1] = now;
            if (bucket[0] < 1) return false;
            bucket[0] -= 1;
            return true;
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
