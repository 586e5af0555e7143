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

/** A REPRAM-like store on 127.0.0.1 for audit tests: PUT keeps the bytes (201), GET returns them or 404. */
final class FakeNode implements AutoCloseable {

    static {
        // Without it the JDK server's separate header and body writes meet delayed ACKs: 40 ms a response.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    final Map<String, byte[]> stored = new ConcurrentHashMap<>();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);

    FakeNode() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
        server.setExecutor(executor);
        server.createContext("/v1/data/", this::handle);
        server.start();
    }

    NodeEndpoint endpoint(int index) {
        return new NodeEndpoint(index, "fake-" + index, "127.0.0.1", server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String key = exchange.getRequestURI().getPath().substring("/v1/data/".length());
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (exchange.getRequestMethod().equals("PUT")) {
                stored.put(key, body);
                exchange.sendResponseHeaders(201, -1);
                return;
            }
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
