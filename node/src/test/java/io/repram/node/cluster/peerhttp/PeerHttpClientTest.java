package io.repram.node.cluster.peerhttp;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PeerHttpClientTest {
    private final PeerHttpClient client = new PeerHttpClient("test-peer-client", 4, 1_000);
    private RawServer server;

    @AfterEach
    void stop() throws IOException {
        client.close();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void sendsExactRequestAndReusesOneConnection() throws Exception {
        server = new RawServer((conn, n) -> "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
        for (int i = 0; i < 5; i++) {
            PeerResponse r = post("{\"n\":" + i + "}", "X-Repram-Signature: abc\r\n", 2_000);
            assertEquals(200, r.status());
            assertEquals("ok", new String(r.body(), StandardCharsets.UTF_8));
        }
        assertEquals(1, server.accepted.get(), "sequential posts share one keep-alive connection");
        String first = server.requests.get(0);
        assertTrue(first.startsWith("POST /v1/gossip/message HTTP/1.1\r\n"), first);
        assertTrue(first.contains("\r\nHost: 127.0.0.1:" + server.port() + "\r\n"), first);
        assertTrue(first.contains("\r\nContent-Type: application/json\r\n"), first);
        assertTrue(first.contains("\r\nContent-Length: 7\r\n"), first);
        assertTrue(first.contains("\r\nX-Repram-Signature: abc\r\n"), first);
        assertTrue(first.endsWith("\r\n\r\n{\"n\":0}"), first);
    }

    @Test
    void chunkedAndCloseDelimitedBodiesAreRead() throws Exception {
        server = new RawServer((conn, n) -> n == 0
                ? "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n{\"a\"\r\n3\r\n:1}\r\n0\r\n\r\n"
                : "HTTP/1.0 503 Busy\r\n\r\nbusy");
        PeerResponse chunked = post("{}", "", 2_000);
        assertEquals("{\"a\":1}", new String(chunked.body(), StandardCharsets.UTF_8));
        PeerResponse untilClose = post("{}", "", 2_000);
        assertEquals(503, untilClose.status());
        assertEquals("busy", new String(untilClose.body(), StandardCharsets.UTF_8));
    }

    @Test
    void interimResponsesAreSkippedNotTakenForTheAnswer() throws Exception {
        server = new RawServer((conn, n) -> "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n"
                + "HTTP/1.1 201 Created\r\nContent-Length: 4\r\n\r\nmade");
        for (int i = 0; i < 2; i++) {
            PeerResponse r = post("{}", "", 2_000);
            assertEquals(201, r.status());
            assertEquals("made", new String(r.body(), StandardCharsets.UTF_8));
        }
        assertEquals(1, server.accepted.get(), "the connection stays usable after the interim responses");
    }

    @Test
    void malformedResponseFailsTheRequest() throws Exception {
        server = new RawServer((conn, n) -> "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n");
        ExecutionException e = assertThrows(ExecutionException.class, () -> post("{}", "", 2_000));
        assertInstanceOf(PeerHttpException.class, e.getCause());
        assertTrue(e.getCause().getMessage().contains("bad chunk size"), e.getCause().getMessage());
    }

    @Test
    void parallelPostsOpenSeveralConnectionsUpToTheLimit() throws Exception {
        server = new RawServer((conn, n) -> {
            sleep(100);
            return "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n";
        });
        List<CompletableFuture<PeerResponse>> all = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 12; i++) {
            all.add(client.post("127.0.0.1", server.port(), "/x", "application/json", "", new byte[]{'1'}, 5_000));
        }
        for (CompletableFuture<PeerResponse> f : all) {
            assertEquals(200, f.get(5, TimeUnit.SECONDS).status());
        }
        assertEquals(4, server.accepted.get(), "never more connections than the per-peer limit");
    }

    @Test
    void refusedConnectionFails() throws Exception {
        int freePort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            freePort = s.getLocalPort();
        }
        CompletableFuture<PeerResponse> f = client.post("127.0.0.1", freePort, "/x", "application/json", "",
                new byte[0], 2_000);
        ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(5, TimeUnit.SECONDS));
        assertInstanceOf(PeerHttpException.class, e.getCause());
    }

    @Test
    void silentPeerTimesOut() throws Exception {
        server = new RawServer((conn, n) -> {
            sleep(3_000);
            return null;
        });
        long start = System.nanoTime();
        ExecutionException e = assertThrows(ExecutionException.class, () -> post("{}", "", 300));
        assertInstanceOf(PeerHttpException.class, e.getCause());
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(2), "failed at its deadline, not later");
    }

    /**
     * A peer that answers, but later than the callers wait: every caller hears of the timeout at its
     * deadline, yet the peer gets no new connection and no request whose caller had already given
     * up, and the connections are used again once the late answers are in.
     */
    @Test
    void aLatePeerKeepsItsConnectionsAndIsSentNoRequestItsCallerGaveUpOn() throws Exception {
        server = new RawServer((conn, n) -> {
            sleep(n == 0 ? 700 : 0);
            return "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n";
        });
        List<CompletableFuture<PeerResponse>> late = new CopyOnWriteArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < 12; i++) {
            late.add(client.post("127.0.0.1", server.port(), "/x", "application/json", "", new byte[]{'1'}, 200));
        }
        for (CompletableFuture<PeerResponse> f : late) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(5, TimeUnit.SECONDS));
            assertInstanceOf(PeerHttpException.class, e.getCause());
        }
        assertTrue(System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(650), "each failed at its deadline");
        // After the late answers (700 ms), the same four connections carry the next requests.
        for (int i = 0; i < 8; i++) {
            assertEquals(200, client.post("127.0.0.1", server.port(), "/x", "application/json", "",
                    new byte[]{'2'}, 3_000).get(5, TimeUnit.SECONDS).status());
        }
        assertEquals(4, server.accepted.get(), "timeouts opened no new connections");
        assertEquals(4 + 8, server.requests.size(), "the 8 requests that waited past their deadline were never sent");
    }

    @Test
    void postFirstGoesAheadOfTheRequestsWaitingForAConnection() throws Exception {
        server = new RawServer((conn, n) -> {
            sleep(150);
            return "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n";
        });
        List<CompletableFuture<PeerResponse>> all = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 10; i++) {
            all.add(client.post("127.0.0.1", server.port(), "/x", "application/json", "", new byte[]{'p'}, 5_000));
        }
        all.add(client.postFirst("127.0.0.1", server.port(), "/x", "application/json", "", new byte[]{'a'}, 5_000));
        for (CompletableFuture<PeerResponse> f : all) {
            assertEquals(200, f.get(5, TimeUnit.SECONDS).status());
        }
        List<Character> order = server.requests.stream().map(r -> r.charAt(r.length() - 1)).toList();
        // Four went out at once on the four connections; the ACK-like one went in the next four (the
        // server's threads record those four in any order), not eleventh.
        assertTrue(order.indexOf('a') >= 4 && order.indexOf('a') < 8, order.toString());
    }

    @Test
    void reusedConnectionClosedWithoutAnswerIsRetriedOnce() throws Exception {
        // Keep-alive race: the peer drops a reused connection as the next request arrives, unanswered.
        server = new RawServer((conn, n) -> n == 0 ? "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n" : RawServer.CLOSE);
        assertEquals(200, post("{}", "", 2_000).status());
        assertEquals(200, post("{}", "", 2_000).status());
        assertEquals(2, server.accepted.get());
        assertEquals(3, server.requests.size(), "the dropped request was sent again on a new connection");
    }

    private PeerResponse post(String json, String headers, long timeoutMillis) throws Exception {
        return client.post("127.0.0.1", server.port(), "/v1/gossip/message", "application/json", headers,
                json.getBytes(StandardCharsets.UTF_8), timeoutMillis).get(5, TimeUnit.SECONDS);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A scripted HTTP server on raw sockets: for the n-th request on a connection it sends what the
     * script returns ({@code null}: nothing, {@link #CLOSE}: closes the connection).
     */
    private static final class RawServer implements AutoCloseable {
        static final String CLOSE = "<close>";
        final AtomicInteger accepted = new AtomicInteger();
        final List<String> requests = new CopyOnWriteArrayList<>();
        private final ServerSocket socket;
        private final BiFunction<Socket, Integer, String> script;
        private final List<Socket> conns = new CopyOnWriteArrayList<>();

        RawServer(BiFunction<Socket, Integer, String> script) throws IOException {
            this.script = script;
            this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread t = new Thread(this::acceptLoop, "raw-server");
            t.setDaemon(true);
            t.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        private void acceptLoop() {
            try {
                while (true) {
                    Socket s = socket.accept();
                    accepted.incrementAndGet();
                    conns.add(s);
                    Thread t = new Thread(() -> serve(s), "raw-conn");
                    t.setDaemon(true);
                    t.start();
                }
            } catch (IOException closed) {
                // test over
            }
        }

        private void serve(Socket s) {
            try (s) {
                InputStream in = s.getInputStream();
                OutputStream out = s.getOutputStream();
                for (int n = 0; ; n++) {
                    String request = readRequest(in);
                    if (request == null) {
                        return;
                    }
                    requests.add(request);
                    String answer = script.apply(s, n);
                    if (answer == null) {
                        continue;
                    }
                    if (answer.equals(CLOSE)) {
                        return;
                    }
                    out.write(answer.getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    if (answer.startsWith("HTTP/1.0")) {
                        return;
                    }
                }
            } catch (IOException ignored) {
                // client went away
            }
        }

        private static String readRequest(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0) {
                head.write(b);
                String h = head.toString(StandardCharsets.ISO_8859_1);
                if (h.endsWith("\r\n\r\n")) {
                    int at = h.indexOf("Content-Length: ");
                    int length = at < 0 ? 0 : Integer.parseInt(h.substring(at + 16, h.indexOf("\r\n", at)).trim());
                    return h + new String(in.readNBytes(length), StandardCharsets.ISO_8859_1);
                }
            }
            return null;
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket s : conns) {
                s.close();
            }
        }
    }
}
