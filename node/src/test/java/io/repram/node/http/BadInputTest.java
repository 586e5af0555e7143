package io.repram.node.http;

import io.repram.node.RepramNode;
import io.repram.node.TestNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static io.repram.node.TestNodes.get;
import static io.repram.node.TestNodes.json;
import static io.repram.node.TestNodes.post;
import static io.repram.node.TestNodes.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input gets a clean 4xx and the node keeps serving. */
class BadInputTest {
    private static RepramNode node;

    @BeforeAll
    static void start() {
        node = TestNodes.start("bad", "REPRAM_RATE_LIMIT", "0");
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @AfterEach
    void stillServing() throws Exception {
        assertEquals(200, get(node, "/v1/health").statusCode());
    }

    @Test
    void bodyOverTenMiBIs413() throws Exception {
        assertEquals(413, put(node, "/v1/data/huge", new byte[10 * 1024 * 1024 + 1]).statusCode());
        assertEquals(404, get(node, "/v1/data/huge").statusCode());
        assertEquals(201, put(node, "/v1/data/max", new byte[10 * 1024 * 1024]).statusCode());
        String metrics = new String(get(node, "/v1/metrics").body(), StandardCharsets.UTF_8);
        assertTrue(metrics.contains("repram_oversized_requests_total 1.0"), metrics);
    }

    @Test
    void chunkedBodyOverTheLimitIs413() throws Exception {
        HttpRequest req = HttpRequest.newBuilder(TestNodes.uri(node, "/v1/data/chunked"))
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                        new byte[11 * 1024 * 1024]))).build();
        assertEquals(413, TestNodes.send(req).statusCode());
    }

    @Test
    void encodedSlashInKeyIsAnOrdinaryKey() throws Exception {
        String raw = rawRequest("PUT /v1/data/a%2Fb HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nConnection: close\r\n\r\nv");
        assertTrue(raw.startsWith("HTTP/1.1 201"), raw);
        assertEquals("v", new String(get(node, "/v1/data/a%2Fb").body(), StandardCharsets.UTF_8));
        assertEquals("[\"a/b\"]", json(get(node, "/v1/keys?prefix=a/")).get("keys").toString());
        // A real slash is another path, not this key.
        assertEquals(404, get(node, "/v1/data/a/b").statusCode());
    }

    @Test
    void keysOver1KiBAre400() throws Exception {
        assertEquals(400, put(node, "/v1/data/" + "k".repeat(2048), "v".getBytes()).statusCode());
        assertEquals(201, put(node, "/v1/data/" + "k".repeat(1024), "v".getBytes()).statusCode());
    }

    @Test
    void unicodeKeysRoundTrip() throws Exception {
        String key = "clé-ключ-鍵-🔑";
        String path = "/v1/data/" + URLEncoder.encode(key, StandardCharsets.UTF_8).replace("+", "%20");
        assertEquals(201, put(node, path, "u".getBytes()).statusCode());
        assertEquals("u", new String(get(node, path).body(), StandardCharsets.UTF_8));
        assertTrue(json(get(node, "/v1/keys?prefix=cl")).get("keys").toString().contains(key));
    }

    @Test
    void nonJsonGossipIs400() throws Exception {
        assertEquals(400, post(node, "/v1/gossip/message", "not json").statusCode());
        assertEquals(400, post(node, "/v1/gossip/message", "{\"type\":\"NOPE\"}").statusCode());
        assertEquals(400, post(node, "/v1/gossip/message", "{\"type\":\"PUT\",\"data\":\"!!\"}").statusCode());
        assertEquals(400, post(node, "/v1/bootstrap", "[1,2").statusCode());
    }

    @Test
    void nullGossipAndBootstrapBodiesAre400() throws Exception {
        assertEquals(400, post(node, "/v1/gossip/message", "null").statusCode());
        assertEquals(400, post(node, "/v1/bootstrap", "null").statusCode());
    }

    @Test
    void keysWithEscapesThatAreNotUtf8Are400() throws Exception {
        for (String escapes : new String[]{"%FF%FE", "%C0%AF", "%80%81", "ok%E2%82"}) {
            assertEquals(400, put(node, "/v1/data/" + escapes, "v".getBytes()).statusCode(), escapes);
            assertEquals(400, get(node, "/v1/data/" + escapes).statusCode(), escapes);
        }
        // Not even escapes (java.net.URI refuses to send these).
        for (String broken : new String[]{"%G0", "a%4"}) {
            String raw = rawRequest("PUT /v1/data/" + broken + " HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n"
                    + "Connection: close\r\n\r\nv");
            assertTrue(raw.startsWith("HTTP/1.1 400"), broken + ": " + raw);
        }
        assertFalse(json(get(node, "/v1/keys")).get("keys").toString().contains("\uFFFD"));
        assertFalse(json(get(node, "/v1/keys")).get("keys").toString().contains("\ufffd"));
        // Valid multi-byte escapes, U+FFFD itself included, are ordinary keys.
        assertEquals(201, put(node, "/v1/data/%EF%BF%BD%E2%82%AC", "v".getBytes()).statusCode());
        assertEquals(200, get(node, "/v1/data/%EF%BF%BD%E2%82%AC").statusCode());
    }

    @Test
    void missingKeyIs404AndKeysIsNeverNull() throws Exception {
        assertEquals(404, get(node, "/v1/data/nope").statusCode());
        HttpResponse<byte[]> keys = get(node, "/v1/keys?prefix=zzz-none");
        assertEquals("{\"keys\":[]}", new String(keys.body(), StandardCharsets.UTF_8));
        assertEquals(400, get(node, "/v1/keys?limit=x").statusCode());
    }

    @Test
    void keysArePagedOverHttp() throws Exception {
        for (String k : new String[]{"pg-1", "pg-2", "pg-3"}) {
            put(node, "/v1/data/" + k, new byte[0]);
        }
        var first = json(get(node, "/v1/keys?prefix=pg-&limit=2"));
        assertEquals("[\"pg-1\",\"pg-2\"]", first.get("keys").toString());
        assertEquals("pg-2", first.get("next_cursor").asText());
        var second = json(get(node, "/v1/keys?prefix=pg-&limit=2&cursor=pg-2"));
        assertEquals("[\"pg-3\"]", second.get("keys").toString());
        assertFalse(second.has("next_cursor"));
    }

    @Test
    void securityHeadersAndCorsOnEveryResponse() throws Exception {
        HttpResponse<byte[]> r = TestNodes.send(HttpRequest.newBuilder(TestNodes.uri(node, "/v1/data/nope"))
                .header("Origin", "https://example.org").GET().build());
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElseThrow());
        assertEquals("https://example.org", r.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
        assertEquals("GET, PUT, POST, OPTIONS", r.headers().firstValue("Access-Control-Allow-Methods").orElseThrow());
        assertEquals("Content-Type, X-TTL", r.headers().firstValue("Access-Control-Allow-Headers").orElseThrow());
        HttpResponse<byte[]> pre = TestNodes.send(HttpRequest.newBuilder(TestNodes.uri(node, "/v1/data/x"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, pre.statusCode());
    }

    @Test
    void rateLimitAnswers429() throws Exception {
        RepramNode limited = TestNodes.start("limited", "REPRAM_RATE_LIMIT", "2");
        try {
            int refused = 0;
            for (int i = 0; i < 10; i++) {
                if (get(limited, "/v1/health").statusCode() == 429) {
                    refused++;
                }
            }
            assertTrue(refused >= 5, "refused " + refused + " of 10 with a burst of 4");
        } finally {
            limited.close();
        }
    }

    private static String rawRequest(String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", node.httpPort())) {
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
