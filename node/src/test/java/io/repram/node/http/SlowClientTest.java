package io.repram.node.http;

import io.repram.node.RepramNode;
import io.repram.node.TestNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Clients that send headers and then trickle or withhold the body cost a connection and the bytes
 * sent, for at most the body deadline: they hold none of the request threads that health checks,
 * gossip and other clients need.
 */
@Timeout(60)
class SlowClientTest {
    private static final long BODY_TIMEOUT_MILLIS = 2_000;
    /** More than the node's 16 request threads. */
    private static final int SLOW_CLIENTS = 24;
    private static final long ANSWER_MARGIN_MILLIS = 2_000;

    private static RepramNode node;
    private final List<Socket> sockets = new ArrayList<>();
    private final ExecutorService readers = Executors.newCachedThreadPool();
    private final ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();

    @BeforeAll
    static void start() {
        node = TestNodes.start("slow", "REPRAM_BODY_TIMEOUT_MS", Long.toString(BODY_TIMEOUT_MILLIS));
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @AfterEach
    void closeClients() throws IOException {
        trickle.shutdownNow();
        readers.shutdownNow();
        for (Socket s : sockets) {
            s.close();
        }
    }

    @Test
    void tricklingBodiesBlockNeitherHealthNorGossipAndEndWith408() throws Exception {
        List<CompletableFuture<Answer>> answers = new ArrayList<>();
        for (int i = 0; i < SLOW_CLIENTS; i++) {
            answers.add(send("PUT /v1/data/slow-" + i + " HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\nv"));
        }
        // One byte every 200 ms: each byte resets an idle timeout, so only a deadline on the whole body ends these.
        trickle.scheduleAtFixedRate(() -> sockets.forEach(s -> {
            try {
                s.getOutputStream().write('v');
                s.getOutputStream().flush();
            } catch (IOException closedByTheNode) {
                // the node answered and closed: nothing more to send
            }
        }), 200, 200, TimeUnit.MILLISECONDS);

        int checks = 0;
        while (!CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).isDone()) {
            assertAnswersWithinASecond(HttpRequest.newBuilder(TestNodes.uri(node, "/v1/health")).GET());
            String ping = "{\"type\":\"PING\",\"from\":\"prober\",\"to\":\"slow\",\"timestamp\":"
                    + System.currentTimeMillis() / 1000 + ",\"message_id\":\"probe-" + checks + "\"}";
            assertAnswersWithinASecond(HttpRequest.newBuilder(TestNodes.uri(node, "/v1/gossip/message"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(ping)));
            checks++;
        }
        assertTrue(checks > 0, "health was never probed while the slow clients were connected");
        for (CompletableFuture<Answer> a : answers) {
            assertStalledRequestEnded(a.join());
        }
        assertEquals(201, TestNodes.put(node, "/v1/data/after-slow", "ok".getBytes()).statusCode());
    }

    @Test
    void bodyThatNeverComesIs408WithinTheDeadline() throws Exception {
        List<CompletableFuture<Answer>> stalled = List.of(
                send("POST /v1/gossip/message HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\n"),
                send("PUT /v1/data/never HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n"),
                send("POST /v1/bootstrap HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n{"));
        for (CompletableFuture<Answer> a : stalled) {
            assertStalledRequestEnded(a.get());
        }
        assertEquals(404, TestNodes.get(node, "/v1/data/never").statusCode());
    }

    private static void assertStalledRequestEnded(Answer a) {
        assertTrue(a.statusLine().startsWith("HTTP/1.1 408"), a.statusLine());
        assertTrue(a.millis() <= BODY_TIMEOUT_MILLIS + ANSWER_MARGIN_MILLIS,
                "answered after " + a.millis() + " ms, the deadline is " + BODY_TIMEOUT_MILLIS + " ms");
    }

    private static void assertAnswersWithinASecond(HttpRequest.Builder req) throws Exception {
        long start = System.nanoTime();
        HttpResponse<byte[]> r = TestNodes.send(req.timeout(Duration.ofSeconds(1)).build());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(200, r.statusCode(), req.build().uri().getPath());
        assertTrue(millis < 1_000, req.build().uri().getPath() + " took " + millis + " ms");
    }

    private record Answer(String statusLine, long millis) {
    }

    /** Sends the raw start of a request; completes with the node's status line and when it came. */
    private CompletableFuture<Answer> send(String head) throws IOException {
        Socket s = new Socket("127.0.0.1", node.httpPort());
        sockets.add(s);
        s.setSoTimeout((int) (BODY_TIMEOUT_MILLIS + ANSWER_MARGIN_MILLIS + 3_000));
        long start = System.nanoTime();
        s.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
        return CompletableFuture.supplyAsync(() -> {
            try {
                String line = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII))
                        .readLine();
                return new Answer(String.valueOf(line), (System.nanoTime() - start) / 1_000_000);
            } catch (IOException e) {
                return new Answer("no answer: " + e, (System.nanoTime() - start) / 1_000_000);
            }
        }, readers);
    }
}
