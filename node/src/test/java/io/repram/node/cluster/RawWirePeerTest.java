package io.repram.node.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.repram.node.RepramNode;
import io.repram.node.TestNodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A fake peer that speaks the wire format from raw JSON only (none of the node's classes), as an
 * upstream node would: it lets the node join, then checks the exact shape of what the node sends.
 */
class RawWirePeerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * When the vectors were captured. The node's clock runs from there, so their timestamps fall in
     * its gossip acceptance window as they did for the upstream node that received them.
     */
    static final Instant CAPTURED_AT = Instant.ofEpochSecond(1795886268);
    private final BlockingQueue<JsonNode> gossip = new LinkedBlockingQueue<>();
    private final BlockingQueue<JsonNode> bootstraps = new LinkedBlockingQueue<>();
    private HttpServer fake;
    private RepramNode node;

    @BeforeEach
    void start() throws Exception {
        fake = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        int fakePort = fake.getAddress().getPort();
        fake.createContext("/v1/gossip/message", ex -> record(ex, gossip, "{\"success\":true}"));
        fake.createContext("/v1/bootstrap", ex -> record(ex, bootstraps,
                "{\"success\":true,\"peers\":[{\"id\":\"fake\",\"address\":\"127.0.0.1\",\"port\":9090,"
                        + "\"http_port\":" + fakePort + ",\"enclave\":\"default\"}]}"));
        fake.start();
        Clock atCapture = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), CAPTURED_AT));
        node = TestNodes.start(atCapture, "real", "REPRAM_PEERS", "127.0.0.1:" + fakePort);
        TestNodes.await("node to join the fake peer", Duration.ofSeconds(10), () -> TestNodes.peerCount(node) == 1);
    }

    @AfterEach
    void stop() {
        node.close();
        fake.stop(0);
    }

    @Test
    void bootstrapRequestHasTheDocumentedFields() throws Exception {
        JsonNode b = bootstraps.poll(5, TimeUnit.SECONDS);
        assertNotNull(b);
        assertEquals(Set.of("node_id", "address", "gossip_port", "http_port", "enclave"), fields(b));
        assertEquals("real", b.get("node_id").asText());
        assertEquals(node.httpPort(), b.get("http_port").asInt());
        assertEquals(9090, b.get("gossip_port").asInt());
    }

    @Test
    void clientPutIsSentAsPutAndCompletesOnOurAck() throws Exception {
        CompletableFuture<HttpResponse<byte[]>> pending = TestNodes.HTTP.sendAsync(
                HttpRequest.newBuilder(TestNodes.uri(node, "/v1/data/wk?ttl=600"))
                        .PUT(HttpRequest.BodyPublishers.ofString("wire-test")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        JsonNode put = next("PUT");
        assertEquals(Set.of("type", "from", "key", "data", "ttl", "timestamp", "message_id"), fields(put));
        assertEquals("real", put.get("from").asText());
        assertEquals("wk", put.get("key").asText());
        assertEquals("wire-test", new String(Base64.getDecoder().decode(put.get("data").asText()), StandardCharsets.UTF_8));
        assertTrue(put.get("ttl").isInt());
        assertEquals(600, put.get("ttl").asInt());
        assertTrue(put.get("timestamp").canConvertToLong());
        assertTrue(Math.abs(put.get("timestamp").asLong() - System.currentTimeMillis() / 1000) < 60);
        assertTrue(put.get("message_id").asText().matches("wk-\\d{19}"), put.get("message_id").asText());

        String ack = "{\"type\":\"ACK\",\"from\":\"fake\",\"to\":\"real\",\"key\":\"wk\",\"timestamp\":"
                + System.currentTimeMillis() / 1000 + ",\"message_id\":\"" + put.get("message_id").asText() + "\"}";
        assertEquals(200, TestNodes.post(node, "/v1/gossip/message", ack).statusCode());
        assertEquals(201, pending.get(5, TimeUnit.SECONDS).statusCode());
    }

    @Test
    void incomingPutIsStoredAndAcknowledgedToTheOrigin() throws Exception {
        String put = "{\"type\":\"PUT\",\"from\":\"fake\",\"key\":\"fromfake\",\"data\":\"d2lyZS10ZXN0\",\"ttl\":600,"
                + "\"timestamp\":1795886267,\"message_id\":\"fromfake-1\"}";
        HttpResponse<byte[]> resp = TestNodes.post(node, "/v1/gossip/message", put);
        assertEquals(200, resp.statusCode());
        assertEquals(true, JSON.readTree(resp.body()).get("success").asBoolean());
        JsonNode ack = next("ACK");
        assertEquals(Set.of("type", "from", "to", "key", "timestamp", "message_id"), fields(ack));
        assertEquals("real", ack.get("from").asText());
        assertEquals("fake", ack.get("to").asText());
        assertEquals("fromfake", ack.get("key").asText());
        assertEquals("fromfake-1", ack.get("message_id").asText());
        HttpResponse<byte[]> stored = TestNodes.get(node, "/v1/data/fromfake");
        assertEquals("wire-test", new String(stored.body(), StandardCharsets.UTF_8));
        assertEquals("600", stored.headers().firstValue("X-Original-TTL").orElseThrow());
    }

    @Test
    void pingGetsAPongCarryingNodeInfo() throws Exception {
        String ping = "{\"type\":\"PING\",\"from\":\"fake\",\"to\":\"real\",\"timestamp\":1795886268,"
                + "\"message_id\":\"1795886268095699865-1\"}";
        assertEquals(200, TestNodes.post(node, "/v1/gossip/message", ping).statusCode());
        JsonNode pong = next("PONG");
        assertEquals(Set.of("type", "from", "to", "timestamp", "message_id", "node_info"), fields(pong));
        assertEquals("fake", pong.get("to").asText());
        JsonNode info = pong.get("node_info");
        assertEquals(Set.of("id", "address", "port", "http_port", "enclave"), fields(info));
        assertEquals("real", info.get("id").asText());
        assertEquals("127.0.0.1", info.get("address").asText());
        assertEquals(9090, info.get("port").asInt());
        assertEquals(node.httpPort(), info.get("http_port").asInt());
        assertEquals("default", info.get("enclave").asText());
    }

    @Test
    void capturedUpstreamMessagesAreAccepted() throws Exception {
        for (String file : new String[]{"gossip-put-from-origin.json", "gossip-ack-to-origin.json",
                "gossip-pong-reply.json", "gossip-sync-announce.json"}) {
            JsonNode v = WireVectorsTest.vector(file);
            HttpResponse<byte[]> resp = TestNodes.post(node, "/v1/gossip/message", v.get("raw_body").asText());
            assertEquals(200, resp.statusCode(), file);
        }
        assertEquals("wire-test", new String(TestNodes.get(node, "/v1/data/wirekey").body(), StandardCharsets.UTF_8));
        // The SYNC announced node1, so the node now knows it too.
        TestNodes.await("node1 in topology", Duration.ofSeconds(2), () -> TestNodes.peerCount(node) == 2);
    }

    private JsonNode next(String type) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            JsonNode m = gossip.poll(100, TimeUnit.MILLISECONDS);
            if (m != null && type.equals(m.path("type").asText())) {
                return m;
            }
        }
        throw new AssertionError("the fake peer received no " + type + " within 5 s");
    }

    private static Set<String> fields(JsonNode n) {
        Set<String> out = new TreeSet<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }

    private static void record(HttpExchange ex, BlockingQueue<JsonNode> into, String answer) throws IOException {
        into.add(JSON.readTree(ex.getRequestBody().readAllBytes()));
        byte[] body = answer.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(200, body.length);
        ex.getResponseBody().write(body);
        ex.close();
    }
}
