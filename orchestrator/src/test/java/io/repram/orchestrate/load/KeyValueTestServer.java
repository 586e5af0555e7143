package io.repram.orchestrate.load;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A tiny REPRAM-like store on 127.0.0.1 for tests: PUT stores the body (201), GET returns it (200,
 * chunked) or 404. It counts what it saw, and can stall one request to imitate a pausing server.
 */
final class KeyValueTestServer implements AutoCloseable {

    static {
        // Without it the JDK server's separate header and body writes meet delayed ACKs: 40 ms a response.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    final Map<String, Integer> stored = new ConcurrentHashMap<>();
    final AtomicLong puts = new AtomicLong();
    final AtomicLong gets = new AtomicLong();
    final AtomicLong getsOfUnknownKeys = new AtomicLong();
    final AtomicLong badPuts = new AtomicLong();
    final AtomicLong requests = new AtomicLong();
    /** The client ports requests came from: one per keep-alive connection, so one per load worker. */
    final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
    private final HttpServer server;
    private final ExecutorService executor;
    private final boolean answerGets404;
    private volatile long stallAtRequest = -1;
    private volatile long stallMillis;

    KeyValueTestServer(boolean answerGets404, int threads) throws IOException {
        this.answerGets404 = answerGets404;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
        this.executor = threads > 0 ? Executors.newFixedThreadPool(threads) : null;
        server.setExecutor(executor);
        server.createContext("/v1/data/", this::handle);
        server.start();
    }

    /** Makes the n-th request (0-based) wait before it is answered; with one handler thread, all others wait too. */
    void stallOnce(long atRequest, long millis) {
        this.stallMillis = millis;
        this.stallAtRequest = atRequest;
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            long n = requests.getAndIncrement();
            clientPorts.add(exchange.getRemoteAddress().getPort());
            if (n == stallAtRequest) {
                Thread.sleep(stallMillis);
            }
            String key = exchange.getRequestURI().getPath().substring("/v1/data/".length());
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            switch (exchange.getRequestMethod()) {
                case "PUT" -> {
                    puts.incrementAndGet();
                    if (!"ttl=300".equals(exchange.getRequestURI().getQuery())) {
                        badPuts.incrementAndGet();
                    }
                    stored.put(key, body.length);
                    exchange.sendResponseHeaders(201, -1);
                }
                case "GET" -> {
                    gets.incrementAndGet();
                    Integer length = stored.get(key);
                    if (length == null) {
                        getsOfUnknownKeys.incrementAndGet();
                    }
                    if (length == null || answerGets404) {
                        exchange.sendResponseHeaders(404, -1);
                    } else {
                        // Length 0 = chunked, so the client's chunked parsing runs end to end.
                        exchange.sendResponseHeaders(200, 0);
                        try (OutputStream out = exchange.getResponseBody()) {
                            out.write(new byte[length]);
                        }
                    }
                }
                default -> exchange.sendResponseHeaders(405, -1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
