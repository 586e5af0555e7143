package io.repram.node;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.repram.node.TestNodes.await;
import static io.repram.node.TestNodes.get;
import static io.repram.node.TestNodes.json;
import static io.repram.node.TestNodes.peerCount;
import static io.repram.node.TestNodes.post;
import static io.repram.node.TestNodes.put;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Three in-process nodes on loopback ephemeral ports. */
class ClusterTest {
    private final List<RepramNode> nodes = new ArrayList<>();

    @AfterEach
    void stop() {
        nodes.forEach(RepramNode::close);
    }

    private RepramNode node(String id, String... env) {
        RepramNode n = TestNodes.start(id, env);
        nodes.add(n);
        return n;
    }

    private List<RepramNode> threeNodes(String... extraEnv) throws InterruptedException {
        RepramNode a = node("a", extraEnv);
        String seed = "127.0.0.1:" + a.httpPort();
        RepramNode b = node("b", concat(extraEnv, "REPRAM_PEERS", seed));
        RepramNode c = node("c", concat(extraEnv, "REPRAM_PEERS", seed));
        for (RepramNode n : List.of(a, b, c)) {
            await(n.nodeId() + " to see 2 peers", Duration.ofSeconds(15), () -> peerCount(n) == 2);
        }
        return List.of(a, b, c);
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void putOnOneNodeIsReadableOnTheOtherTwo() throws Exception {
        List<RepramNode> c = threeNodes();
        HttpResponse<byte[]> resp = put(c.get(0), "/v1/data/hello?ttl=120", "world".getBytes());
        assertEquals(201, resp.statusCode());
        for (RepramNode n : c.subList(1, 3)) {
            await("replica on " + n.nodeId(), Duration.ofSeconds(5), () -> status(n, "/v1/data/hello") == 200);
            HttpResponse<byte[]> got = get(n, "/v1/data/hello");
            assertEquals("world", new String(got.body(), StandardCharsets.UTF_8));
            assertEquals("120", got.headers().firstValue("X-Original-TTL").orElseThrow());
        }
    }

    @Test
    void valuesNearTheTenMiBLimitReplicate() throws Exception {
        List<RepramNode> c = threeNodes();
        byte[] big = new byte[10 * 1024 * 1024 - 16];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31);
        }
        assertEquals(201, put(c.get(1), "/v1/data/big", big).statusCode());
        await("big replica", Duration.ofSeconds(10), () -> status(c.get(2), "/v1/data/big") == 200);
        assertArrayEquals(big, get(c.get(2), "/v1/data/big").body());
    }

    @Test
    void answers202WhenPeersAreDown() throws Exception {
        List<RepramNode> c = threeNodes("REPRAM_WRITE_TIMEOUT", "1");
        c.get(1).close();
        c.get(2).close();
        long t0 = System.nanoTime();
        HttpResponse<byte[]> resp = put(c.get(0), "/v1/data/lonely", "v".getBytes());
        assertEquals(202, resp.statusCode());
        assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(5).toNanos());
        assertEquals(200, status(c.get(0), "/v1/data/lonely"), "stored locally either way");
    }

    @Test
    void unsignedGossipIsRefusedWhenASecretIsSet() throws Exception {
        List<RepramNode> c = threeNodes("REPRAM_CLUSTER_SECRET", "s3cret");
        String ping = "{\"type\":\"PING\",\"from\":\"x\",\"timestamp\":1,\"message_id\":\"1-1\"}";
        assertEquals(403, post(c.get(0), "/v1/gossip/message", ping).statusCode());
        assertEquals(403, post(c.get(0), "/v1/gossip/message", ping, "X-Repram-Signature", "00ff").statusCode());
        assertEquals(403, post(c.get(0), "/v1/bootstrap", "{\"node_id\":\"x\"}").statusCode());
        // The signed cluster itself works, and the client API stays open.
        assertEquals(201, put(c.get(0), "/v1/data/signed", "v".getBytes()).statusCode());
        await("signed replica", Duration.ofSeconds(5), () -> status(c.get(2), "/v1/data/signed") == 200);
    }

    @Test
    void deadPeerIsEvicted() throws Exception {
        List<RepramNode> c = threeNodes("REPRAM_PING_INTERVAL_MS", "100");
        c.get(2).close();
        for (RepramNode n : c.subList(0, 2)) {
            await(n.nodeId() + " to evict c", Duration.ofSeconds(10), () -> peerCount(n) == 1);
        }
        String metrics = new String(get(c.get(0), "/v1/metrics").body(), StandardCharsets.UTF_8);
        assertTrue(metrics.contains("repram_peer_evictions_total 1.0"), metrics);
        assertEquals("b", json(get(c.get(0), "/v1/topology")).get("peers").get(0).get("id").asText());
    }

    @Test
    void nodesStartedInAnyOrderFindEachOther() throws Exception {
        // b's seed is not listening yet when b starts: bootstrap must retry until it has joined.
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        RepramNode b = node("b", "REPRAM_PEERS", "127.0.0.1:" + port);
        // Start a only once b's first bootstrap round has failed, so the retry is what is tested.
        await("b's first bootstrap to fail", Duration.ofSeconds(10), () -> bootstrapFailures(b) >= 1);
        RepramNode a = node("a", "REPRAM_HTTP_PORT", Integer.toString(port));
        await("b to join a", Duration.ofSeconds(10), () -> peerCount(b) == 1 && peerCount(a) == 1);
    }

    static double bootstrapFailures(RepramNode n) {
        try {
            return new String(get(n, "/v1/metrics").body(), StandardCharsets.UTF_8).lines()
                    .filter(l -> l.startsWith("repram_bootstrap_failures_total "))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.indexOf(' ') + 1))).findFirst().orElse(0);
        } catch (Exception e) {
            return -1;
        }
    }

    static int status(RepramNode n, String path) {
        try {
            return get(n, path).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }
}
