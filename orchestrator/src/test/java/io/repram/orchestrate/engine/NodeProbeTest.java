package io.repram.orchestrate.engine;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Health answers against an in-process stand-in node that answers whatever status a test sets. */
class NodeProbeTest {
    private final NodeProbe probe = new NodeProbe();
    private final AtomicInteger status = new AtomicInteger(200);
    private volatile String healthBody = "{\"status\":\"healthy\"}";
    private HttpServer server;

    private URI serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = exchange.getRequestURI().getPath().equals("/v1/topology") ? "{\"peers\":[{},{}]}" : healthBody;
            byte[] bytes = (status.get() == 200 ? body : "refused").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.get(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        if (server != null) server.stop(0);
    }

    @Test
    void aHealthyNodeIsHealthy() throws Exception {
        HealthAnswer answer = probe.health(serve());
        assertTrue(answer.healthy());
        assertNull(answer.problem());
    }

    @Test
    void a429IsNamedWithTheRateLimiterAndItsFix() throws Exception {
        status.set(429);
        HealthAnswer answer = probe.health(serve());
        assertFalse(answer.healthy());
        assertTrue(answer.answered());
        assertEquals("answered /v1/health with 429 Too Many Requests: its rate limiter refuses the tool's requests",
                answer.problem());
        assertTrue(answer.fix().contains("REPRAM_RATE_LIMIT high in node.env"), answer.fix());
        assertTrue(answer.fix().contains(NodeEnv.UNLIMITED_RATE), answer.fix());
    }

    @Test
    void anotherStatusOrBodyIsNamedToo() throws Exception {
        URI node = serve();
        status.set(503);
        assertEquals("answered /v1/health with HTTP 503", probe.health(node).problem());
        status.set(200);
        healthBody = "{\"status\":\"starting\"}";
        assertEquals("answered /v1/health with status \"starting\", not \"healthy\"", probe.health(node).problem());
    }

    @Test
    void aSilentNodeDoesNotAnswer() throws Exception {
        URI node = serve();
        server.stop(0);
        HealthAnswer answer = probe.health(node);
        assertEquals(HealthAnswer.NO_ANSWER, answer.problem());
        assertFalse(answer.answered());
    }

    @Test
    void clusterReadinessNames429AndTheFixInsteadOfNoAnswer() throws Exception {
        status.set(429);
        URI node = serve();
        NodeEndpoint endpoint = new NodeEndpoint(1, "node-1", "127.0.0.1", node.getPort());
        EngineException e = assertThrows(EngineException.class,
                () -> probe.awaitClusterReady(List.of(endpoint), Duration.ofMillis(300), i -> "log of node " + i));
        assertEquals(Reason.NODE_UNHEALTHY, e.reason());
        assertTrue(e.getMessage().startsWith("Node node-1 (" + node + ") answered /v1/health with 429 Too Many Requests"),
                e.getMessage());
        assertTrue(e.getMessage().contains("log of node 1"), e.getMessage());
        assertTrue(e.getMessage().contains("Fix: set REPRAM_RATE_LIMIT high in node.env"), e.getMessage());
        assertFalse(e.getMessage().contains("does not answer"), e.getMessage());
    }

    @Test
    void clusterReadinessWaitsForThePeers() throws Exception {
        URI node = serve();
        List<NodeEndpoint> three = List.of(new NodeEndpoint(0, "node-0", "127.0.0.1", node.getPort()),
                new NodeEndpoint(1, "node-1", "127.0.0.1", node.getPort()),
                new NodeEndpoint(2, "node-2", "127.0.0.1", node.getPort()));
        probe.awaitClusterReady(three, Duration.ofSeconds(2), i -> "");
        List<NodeEndpoint> four = new java.util.ArrayList<>(three);
        four.add(new NodeEndpoint(3, "node-3", "127.0.0.1", node.getPort()));
        EngineException e = assertThrows(EngineException.class, () -> probe.awaitClusterReady(four, Duration.ofMillis(200), i -> ""));
        assertTrue(e.getMessage().contains("sees 2 of 3 peers in /v1/topology"), e.getMessage());
    }
}
