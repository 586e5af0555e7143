package io.repram.node.cluster.peerhttp;

import io.javalin.Javalin;
import io.repram.node.cluster.GossipClient;
import io.repram.node.cluster.Signer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Both peer clients (REPRAM_PEER_CLIENT=wire|jetty) deliver signed gossip to a Javalin server, as a node runs. */
class PeerClientsTest {
    private record Received(String path, String contentType, String signature, String body) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private Javalin server;

    @BeforeEach
    void startServer() {
        server = Javalin.create().post("/v1/gossip/message", ctx -> {
            received.add(new Received(ctx.path(), ctx.contentType(), ctx.header(Signer.HEADER), ctx.body()));
            ctx.status(200).contentType("application/json").result("{\"success\":true}");
        }).start("127.0.0.1", 0);
    }

    @AfterEach
    void stopServer() {
        server.stop();
    }

    @ParameterizedTest
    @ValueSource(strings = {"wire", "jetty"})
    void deliversSignedGossip(String kind) throws Exception {
        Signer signer = new Signer("s3cret");
        try (GossipClient gossip = new GossipClient(signer, 2_000, PeerClients.create(kind, "test-" + kind, 4, 1_000))) {
            String base = "http://127.0.0.1:" + server.port();
            List<CompletableFuture<Integer>> sent = new CopyOnWriteArrayList<>();
            for (int i = 0; i < 20; i++) {
                sent.add(gossip.post(base, "/v1/gossip/message", ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8)));
            }
            for (CompletableFuture<Integer> f : sent) {
                assertEquals(200, f.get(5, TimeUnit.SECONDS));
            }
            PeerResponse answer = gossip.postAndWait(base, "/v1/gossip/message", "{\"n\":20}".getBytes(StandardCharsets.UTF_8));
            assertEquals(200, answer.status());
            assertEquals("{\"success\":true}", new String(answer.body(), StandardCharsets.UTF_8));
        }
        assertEquals(21, received.size());
        for (Received r : received) {
            assertEquals("/v1/gossip/message", r.path());
            assertTrue(r.contentType().startsWith("application/json"), r.contentType());
            assertEquals(signer.sign(r.body().getBytes(StandardCharsets.UTF_8)), r.signature(), r.body());
        }
        assertEquals(21, received.stream().map(Received::body).distinct().count(), "every message arrived once");
    }

    @ParameterizedTest
    @ValueSource(strings = {"wire", "jetty"})
    void unansweredPostFailsWithPeerHttpException(String kind) throws Exception {
        int port = server.port();
        server.stop();
        try (PeerClient client = PeerClients.create(kind, "test-" + kind, 4, 1_000)) {
            CompletableFuture<PeerResponse> f = client.post("127.0.0.1", port, "/v1/gossip/message",
                    "application/json", "", new byte[]{'{', '}'}, 1_000);
            Exception e = assertThrows(Exception.class, () -> f.get(5, TimeUnit.SECONDS));
            assertInstanceOf(PeerHttpException.class, e.getCause());
        }
    }

    @Test
    void unknownKindIsRefusedWithTheVariableName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PeerClients.create("netty", "x", 1, 1_000));
        assertTrue(e.getMessage().contains(PeerClients.ENV), e.getMessage());
    }
}
