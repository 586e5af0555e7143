package io.repram.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Helpers for in-process nodes on loopback ephemeral ports. */
public final class TestNodes {
    public static final ObjectMapper JSON = new ObjectMapper();
    public static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();

    private TestNodes() {
    }

    public static RepramNode start(String id, String... kv) {
        return start(Clock.systemUTC(), id, kv);
    }

    public static RepramNode start(Clock clock, String id, String... kv) {
        return RepramNode.start(config(id, kv), clock);
    }

    public static NodeConfig config(String id, String... kv) {
        return NodeConfig.fromEnv(env(id, kv));
    }

    public static Map<String, String> env(String id, String... kv) {
        Map<String, String> env = new HashMap<>();
        env.put("REPRAM_NODE_ID", id);
        env.put("REPRAM_ADDRESS", "127.0.0.1");
        env.put("REPRAM_HTTP_PORT", "0");
        env.put("REPRAM_NETWORK", "private");
        env.put("REPRAM_RATE_LIMIT", "0");
        env.put("REPRAM_MIN_TTL", "1");
        for (int i = 0; i < kv.length; i += 2) {
            env.put(kv[i], kv[i + 1]);
        }
        return env;
    }

    public static URI uri(RepramNode n, String path) {
        return URI.create("http://127.0.0.1:" + n.httpPort() + path);
    }

    public static HttpResponse<byte[]> send(HttpRequest req) throws IOException, InterruptedException {
        return HTTP.send(req, HttpResponse.BodyHandlers.ofByteArray());
    }

    public static HttpResponse<byte[]> get(RepramNode n, String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(n, path)).timeout(Duration.ofSeconds(10)).GET().build());
    }

    public static HttpResponse<byte[]> put(RepramNode n, String path, byte[] body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(n, path)).timeout(Duration.ofSeconds(20))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    public static HttpResponse<byte[]> post(RepramNode n, String path, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(n, path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b.build());
    }

    public static JsonNode json(HttpResponse<byte[]> resp) throws IOException {
        return JSON.readTree(resp.body());
    }

    public static int peerCount(RepramNode n) {
        try {
            return json(get(n, "/v1/topology")).path("peers").size();
        } catch (Exception e) {
            return -1;
        }
    }

    /** Polls until the condition holds; fails the test with the message after the timeout. */
    public static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            Thread.sleep(50);
        }
    }
}
