package io.repram.node.cluster;

import io.repram.node.RepramNode;
import io.repram.node.TestClock;
import io.repram.node.TestNodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import static io.repram.node.TestNodes.get;
import static io.repram.node.TestNodes.post;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Gossip PUTs meet the client API's limits, and an old message cannot be replayed. */
class GossipPutAdmissionTest {
    private static final String SECRET = "admission-secret";
    private final TestClock clock = new TestClock(Instant.parse("2026-12-01T12:00:00Z"));
    private final Signer signer = new Signer(SECRET);
    private RepramNode node;

    private RepramNode node(String... env) {
        node = TestNodes.start(clock, "admit", env);
        return node;
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void ttlAboveMaxTtlIsClampedLikeAClientPut() throws Exception {
        node("REPRAM_MAX_TTL", "86400");
        assertEquals(200, gossip(putMessage("forever", "v", 2147483647, clock.epochSeconds(), "forever-1")).statusCode());
        HttpResponse<byte[]> stored = get(node, "/v1/data/forever");
        assertEquals(200, stored.statusCode());
        assertEquals("86400", stored.headers().firstValue("X-Original-TTL").orElseThrow());
    }

    @Test
    void keyOver1KiBIsRefusedLikeAClientPut() throws Exception {
        node();
        String key = "k".repeat(5000);
        assertEquals(400, gossip(putMessage(key, "v", 600, clock.epochSeconds(), "long-1")).statusCode());
        assertEquals(404, get(node, "/v1/data/" + key).statusCode());
        String longest = "k".repeat(1024);
        assertEquals(200, gossip(putMessage(longest, "v", 600, clock.epochSeconds(), "long-2")).statusCode());
    }

    @Test
    void valueOver10MiBIsRefusedLikeAClientPut() throws Exception {
        node();
        String tooBig = new String(new byte[10 * 1024 * 1024 + 1], StandardCharsets.ISO_8859_1);
        assertEquals(413, gossip(putMessage("big", tooBig, 600, clock.epochSeconds(), "big-1")).statusCode());
        assertEquals(404, get(node, "/v1/data/big").statusCode());
    }

    @Test
    void signedPutReplayedAfterTheDedupWindowIsRefused() throws Exception {
        node("REPRAM_CLUSTER_SECRET", SECRET);
        String put = putMessage("replayed", "old value", 300, clock.epochSeconds(), "replayed-1");
        assertEquals(200, signedGossip(put).statusCode());
        assertEquals(200, get(node, "/v1/data/replayed").statusCode());

        clock.advance(Duration.ofMinutes(16));
        assertEquals(404, get(node, "/v1/data/replayed").statusCode(), "expired after its 300 s");
        assertEquals(400, signedGossip(put).statusCode());
        assertEquals(404, get(node, "/v1/data/replayed").statusCode(), "the replay must not bring it back");
    }

    @Test
    void timestampsAreAcceptedWithinTheWindowEitherWay() throws Exception {
        node("REPRAM_GOSSIP_WINDOW", "30");
        long now = clock.epochSeconds();
        assertEquals(400, gossip(putMessage("w", "v", 600, now - 31, "w-1")).statusCode());
        assertEquals(400, gossip(putMessage("w", "v", 600, now + 31, "w-2")).statusCode());
        assertEquals(200, gossip(putMessage("w", "v", 600, now - 30, "w-3")).statusCode());
        assertEquals(200, gossip(putMessage("w", "v", 600, now + 30, "w-4")).statusCode());
    }

    @Test
    void windowZeroAcceptsAnyTimestamp() throws Exception {
        node("REPRAM_GOSSIP_WINDOW", "0");
        assertEquals(200, gossip(putMessage("any", "v", 600, 1, "any-1")).statusCode());
    }

    private HttpResponse<byte[]> gossip(String json) throws Exception {
        return post(node, Wire.GOSSIP_PATH, json);
    }

    private HttpResponse<byte[]> signedGossip(String json) throws Exception {
        return post(node, Wire.GOSSIP_PATH, json, Signer.HEADER, signer.sign(json.getBytes(StandardCharsets.UTF_8)));
    }

    /** Built as text, as a forging peer would, not through the node's own classes. */
    private static String putMessage(String key, String value, long ttl, long timestamp, String id) {
        String data = Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.ISO_8859_1));
        return "{\"type\":\"PUT\",\"from\":\"forger\",\"key\":\"" + key + "\",\"data\":\"" + data + "\",\"ttl\":" + ttl
                + ",\"timestamp\":" + timestamp + ",\"message_id\":\"" + id + "\"}";
    }
}
