package io.repram.orchestrate.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.repram.orchestrate.results.IntervalFigures;
import io.repram.orchestrate.results.LoadFigures;
import io.repram.orchestrate.results.NodeFigures;
import io.repram.orchestrate.scenario.Workload;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LoadGeneratorTest {

    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?i)content-length:\\s*(\\d+)");

    private static LoadSpec spec(URI target, int concurrency, int putPercent, Integer rate, Duration warmup,
                                 Duration duration, Duration timeout) {
        return LoadSpec.of(List.of(target), new Workload(putPercent, 300, 500, rate, Workload.Targets.ALL), concurrency,
                256, warmup, duration, timeout, 42);
    }

    @Test
    void mixFollowsPutPercentAndGetsReadOnlyWrittenKeys() throws Exception {
        try (KeyValueTestServer server = new KeyValueTestServer(false, 4);
             LoadGenerator generator = new LoadGenerator(spec(server.uri(), 8, 70, null, Duration.ZERO,
                     Duration.ofMillis(1500), Duration.ofSeconds(5)))) {
            LoadFigures figures = generator.run(interval -> { });
            assertTrue(figures.requests() > 300, "too few requests to judge the mix: " + figures);
            assertEquals(0, figures.failures(), () -> "failures: " + figures.errorsByClass());
            assertEquals(0, server.getsOfUnknownKeys.get(), "GETs of keys never written");
            assertEquals(0, server.badPuts.get(), "PUTs without ?ttl=300");
            assertTrue(server.gets.get() > 0);
            double putShare = (double) figures.puts() / figures.requests();
            assertTrue(putShare > 0.65 && putShare < 0.76, "PUT share " + putShare);
            assertTrue(server.stored.values().stream().allMatch(length -> length == 256), "payload sizes");
            assertEquals(figures.requests(), figures.all().count(), 20, "every response has a latency");
            // The server saw every counted request, plus at most the ones in flight when the run ended.
            long served = server.requests.get();
            assertTrue(served >= figures.requests() && served <= figures.requests() + 8,
                    "server saw " + served + ", generator counted " + figures.requests());
        }
    }

    @Test
    void workersAreSharedOutEvenlyOverTheNodes() throws Exception {
        // {nodes, workers, I/O loops}: 3 on 3 once left the third node with no worker at all. PUTs only:
        // the servers share no data, so a GET on one of a key written on another would be a 404.
        int[][] cases = {{3, 3, 2}, {4, 4, 2}, {3, 25, 2}, {2, 2, 2}, {2, 5, 2}, {3, 7, 1}};
        for (int[] c : cases) {
            List<KeyValueTestServer> servers = new ArrayList<>();
            try {
                for (int i = 0; i < c[0]; i++) {
                    servers.add(new KeyValueTestServer(false, 8));
                }
                LoadSpec spec = LoadSpec.of(servers.stream().map(KeyValueTestServer::uri).toList(),
                        new Workload(100, 300, 500, null, Workload.Targets.ALL), c[1], 64, Duration.ZERO,
                        Duration.ofMillis(600), Duration.ofSeconds(5), 42);
                try (LoadGenerator generator = new LoadGenerator(spec, c[2])) {
                    LoadFigures figures = generator.run(interval -> { });
                    assertEquals(0, figures.failures(), () -> "failures: " + figures.errorsByClass());
                }
                for (int i = 0; i < c[0]; i++) {
                    int expected = c[1] / c[0] + (i < c[1] % c[0] ? 1 : 0);
                    int node = i;
                    assertEquals(expected, servers.get(i).clientPorts.size(), () -> "workers on node " + node
                            + " of " + c[0] + " with " + c[1] + " workers on " + c[2] + " loop(s)");
                }
            } finally {
                servers.forEach(KeyValueTestServer::close);
            }
        }
    }

    @Test
    void aNodeWithNoWorkerIsNotSentAndDoesNotReadAsDown() throws Exception {
        List<KeyValueTestServer> servers = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                servers.add(new KeyValueTestServer(false, 4));
            }
            LoadSpec spec = LoadSpec.of(servers.stream().map(KeyValueTestServer::uri).toList(),
                    new Workload(100, 300, 500, null, Workload.Targets.ALL), 2, 64, Duration.ZERO,
                    Duration.ofMillis(2500), Duration.ofSeconds(5), 42);
            LoadFigures figures;
            try (LoadGenerator generator = new LoadGenerator(spec, 2)) {
                figures = generator.run(interval -> { });
            }
            assertEquals(0, servers.get(2).requests.get(), "two workers on three nodes: the third gets none");
            NodeFigures unsent = figures.nodes().get(2);
            assertEquals(0, unsent.attempts());
            assertEquals(0, unsent.intervals(), "no interval counted for a node asked nothing");
            assertEquals(100.0, unsent.availabilityPercent());
            assertTrue(unsent.outages().isEmpty());
            for (int i = 0; i < 2; i++) {
                NodeFigures sent = figures.nodes().get(i);
                assertTrue(sent.intervals() >= 2 && sent.answeredIntervals() == sent.intervals(), sent.toString());
            }
            assertEquals(100.0, figures.worstNode().orElseThrow().availabilityPercent(), "no false dead node");
        } finally {
            servers.forEach(KeyValueTestServer::close);
        }
    }

    @Test
    void payloadsLargerThanTheSocketBufferAreSentWhole() throws Exception {
        int payloadBytes = 3 * 1024 * 1024;
        try (KeyValueTestServer server = new KeyValueTestServer(false, 2);
             LoadGenerator generator = new LoadGenerator(LoadSpec.of(List.of(server.uri()),
                     new Workload(100, 300, 50, null, Workload.Targets.ALL), 2, payloadBytes, Duration.ZERO,
                     Duration.ofMillis(800), Duration.ofSeconds(5), 3))) {
            LoadFigures figures = generator.run(interval -> { });
            assertTrue(figures.successes() > 0);
            assertEquals(0, figures.failures(), () -> "failures: " + figures.errorsByClass());
            assertTrue(server.stored.values().stream().allMatch(length -> length == payloadBytes), "payload sizes");
        }
    }

    @Test
    void notFoundOnGetIsAFailureClassifiedByStatus() throws Exception {
        try (KeyValueTestServer server = new KeyValueTestServer(true, 2);
             LoadGenerator generator = new LoadGenerator(spec(server.uri(), 4, 50, null, Duration.ZERO,
                     Duration.ofSeconds(1), Duration.ofSeconds(5)))) {
            LoadFigures figures = generator.run(interval -> { });
            assertTrue(figures.gets() > 0);
            assertEquals(figures.gets(), figures.failures());
            assertEquals(figures.puts(), figures.successes());
            assertEquals(figures.gets(), figures.errorsByClass().get("status_404"));
        }
    }

    @Test
    void interimResponsesAreSkippedAndTheFinalOneCounts() throws Exception {
        List<Socket> accepted = new CopyOnWriteArrayList<>();
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        Socket socket = server.accept();
                        accepted.add(socket);
                        Thread serve = new Thread(() -> answerWithInterimFirst(socket));
                        serve.setDaemon(true);
                        serve.start();
                    }
                } catch (IOException closed) {
                    // Test over.
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            URI target = URI.create("http://127.0.0.1:" + server.getLocalPort());
            try (LoadGenerator generator = new LoadGenerator(spec(target, 2, 100, null, Duration.ZERO,
                    Duration.ofMillis(700), Duration.ofSeconds(2)))) {
                LoadFigures figures = generator.run(interval -> { });
                assertTrue(figures.successes() > 0);
                assertEquals(0, figures.failures(), () -> "failures: " + figures.errorsByClass());
                assertEquals(2, accepted.size(), "keep-alive connections survive the interim responses");
            }
        } finally {
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }

    /** Answers every request with 100 Continue and 103 Early Hints before its 201. */
    private static void answerWithInterimFirst(Socket socket) {
        byte[] answer = ("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </x>\r\n\r\n"
                + "HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder();
            int b;
            while ((b = in.read()) >= 0) {
                head.append((char) b);
                if (head.length() >= 4 && head.lastIndexOf("\r\n\r\n") == head.length() - 4) {
                    Matcher length = CONTENT_LENGTH.matcher(head);
                    in.readNBytes(length.find() ? Integer.parseInt(length.group(1)) : 0);
                    head.setLength(0);
                    out.write(answer);
                    out.flush();
                }
            }
        } catch (IOException closed) {
            // The generator closed the connection: test over.
        }
    }

    @Test
    void refusedConnectionsAreConnectErrors() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        URI closedPort = URI.create("http://127.0.0.1:" + port);
        try (LoadGenerator generator = new LoadGenerator(spec(closedPort, 2, 70, null, Duration.ZERO,
                Duration.ofMillis(700), Duration.ofSeconds(1)))) {
            LoadFigures figures = generator.run(interval -> { });
            assertEquals(0, figures.successes());
            assertTrue(figures.errorsByClass().getOrDefault("connect", 0L) >= 2, figures.errorsByClass().toString());
            assertEquals(figures.failures(), figures.errorsByClass().get("connect"));
        }
    }

    @Test
    void unansweredRequestsTimeOut() throws Exception {
        List<Socket> accepted = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // Test over.
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            URI target = URI.create("http://127.0.0.1:" + silent.getLocalPort());
            try (LoadGenerator generator = new LoadGenerator(spec(target, 2, 70, null, Duration.ZERO,
                    Duration.ofMillis(1200), Duration.ofMillis(300)))) {
                LoadFigures figures = generator.run(interval -> { });
                assertEquals(0, figures.successes());
                assertTrue(figures.errorsByClass().getOrDefault("timeout", 0L) >= 2, figures.errorsByClass().toString());
                assertEquals(figures.failures(), figures.errorsByClass().get("timeout"));
            }
        } finally {
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }

    @Test
    void intervalsArriveEachSecondAndWarmupIsLeftOut() throws Exception {
        List<IntervalFigures> intervals = new ArrayList<>();
        try (KeyValueTestServer server = new KeyValueTestServer(false, 2);
             LoadGenerator generator = new LoadGenerator(spec(server.uri(), 4, 70, null, Duration.ofSeconds(1),
                     Duration.ofSeconds(2), Duration.ofSeconds(5)))) {
            LoadFigures figures = generator.run(intervals::add);
            assertTrue(intervals.size() >= 3 && intervals.size() <= 4, "intervals: " + intervals.size());
            assertTrue(intervals.get(0).warmup());
            assertTrue(intervals.get(0).requests() > 0, "load during warm-up");
            List<IntervalFigures> measured = intervals.stream().filter(i -> !i.warmup()).toList();
            assertEquals(intervals.size() - 1, measured.size());
            assertEquals(figures.requests(), measured.stream().mapToLong(IntervalFigures::requests).sum());
            double seconds = measured.stream().mapToDouble(IntervalFigures::intervalSeconds).sum();
            assertEquals(figures.elapsedSeconds(), seconds, 0.05);
            assertEquals(2.0, figures.elapsedSeconds(), 0.5);
            long totalRequests = intervals.stream().mapToLong(IntervalFigures::requests).sum();
            assertTrue(figures.requests() < totalRequests, "warm-up requests must not count");
            assertTrue(measured.get(0).p99Micros() >= measured.get(0).p50Micros());
        }
    }

    @Test
    void openLoopHoldsTheRateAndCountsAStallFromTheIntendedStart() throws Exception {
        // One handler thread: a 500 ms stall holds up every request behind it, as a paused node would.
        try (KeyValueTestServer server = new KeyValueTestServer(false, 0);
             LoadGenerator generator = new LoadGenerator(spec(server.uri(), 1, 70, 200, Duration.ZERO,
                     Duration.ofSeconds(2), Duration.ofSeconds(5)))) {
            server.stallOnce(100, 500);
            LoadFigures figures = generator.run(interval -> { });
            assertEquals(0, figures.failures(), () -> "failures: " + figures.errorsByClass());
            // 200/s for 2 s; requests still queued at the end are not sent.
            assertTrue(figures.requests() > 300 && figures.requests() <= 402, "requests " + figures.requests());
            // About 100 arrivals queued behind the stall; measured from their intended starts they
            // waited up to 500 ms. Timed from the actual send, only one request would look slow.
            assertTrue(figures.all().maxNanos() >= 450_000_000L, "max " + figures.all().maxNanos());
            assertTrue(figures.all().p90Nanos() >= 100_000_000L, "p90 " + figures.all().p90Nanos());
        }
    }

    @Test
    void stopEndsTheRunEarlyWithTheFiguresSoFar() throws Exception {
        try (KeyValueTestServer server = new KeyValueTestServer(false, 2);
             LoadGenerator generator = new LoadGenerator(spec(server.uri(), 2, 70, null, Duration.ZERO,
                     Duration.ofSeconds(60), Duration.ofSeconds(5)))) {
            Thread stopper = new Thread(() -> {
                try {
                    Thread.sleep(700);
                } catch (InterruptedException ignored) {
                    return;
                }
                generator.stop();
            });
            stopper.start();
            long start = System.nanoTime();
            LoadFigures figures = generator.run(interval -> { });
            assertTrue(System.nanoTime() - start < 5_000_000_000L, "stop() did not end the run");
            assertTrue(figures.requests() > 0);
            assertTrue(figures.elapsedSeconds() < 5);
            assertFalse(figures.elapsedSeconds() <= 0);
        }
    }
}
