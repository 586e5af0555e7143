package io.repram.node;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real node JVM with a 96 MB heap and 256 MB of memory in all (-XX:MaxRAM, as the process driver
 * gives it): 21 PUTs of 10 MiB are answered 201 while they fit off the heap, then 507, and the node
 * lives (it runs with -XX:+ExitOnOutOfMemoryError, so running out of heap would end it) and serves.
 */
class SmallNodeProcessTest {
    private static final int TEN_MIB = 10 * 1024 * 1024;

    @Test
    void aNodeWithLittleMemoryAnswers507InsteadOfDying() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path log = Files.createTempFile("small-node", ".log");
        ProcessBuilder pb = new ProcessBuilder(java(), "-Xmx96m", "-XX:MaxRAM=256m", "-XX:MaxDirectMemorySize=1t",
                "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"), Main.class.getName())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(TestNodes.env("small", "REPRAM_HTTP_PORT", Integer.toString(port),
                "REPRAM_EXIT_ON_STDIN_EOF", "true", "REPRAM_LOG_LEVEL", "warn"));
        Process node = pb.start();
        try {
            URI base = URI.create("http://127.0.0.1:" + port);
            awaitHealthy(base, node);
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 21; i++) {
                byte[] value = new byte[TEN_MIB];
                Arrays.fill(value, (byte) i);
                statuses.add(TestNodes.send(HttpRequest.newBuilder(base.resolve("/v1/data/v" + i))
                        .timeout(Duration.ofSeconds(30)).PUT(HttpRequest.BodyPublishers.ofByteArray(value)).build()).statusCode());
            }
            // 256 MB less a 96 MB heap and 96 MB for the JVM: 64 MiB off the heap, a cap of 51.2 MiB.
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < 21; i++) {
                expected.add(i < 5 ? 201 : 507);
            }
            assertEquals(expected, statuses, Files.readString(log));
            assertTrue(node.isAlive(), Files.readString(log));
            HttpResponse<byte[]> r = TestNodes.send(HttpRequest.newBuilder(base.resolve("/v1/data/v4")).GET().build());
            assertEquals(200, r.statusCode());
            byte[] four = new byte[TEN_MIB];
            Arrays.fill(four, (byte) 4);
            assertArrayEquals(four, r.body());
            assertEquals(404, TestNodes.send(HttpRequest.newBuilder(base.resolve("/v1/data/v5")).GET().build()).statusCode());
        } finally {
            node.destroy();
            if (!node.waitFor(10, TimeUnit.SECONDS)) {
                node.destroyForcibly();
            }
            Files.deleteIfExists(log);
        }
    }

    private static void awaitHealthy(URI base, Process node) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            assertTrue(node.isAlive(), "the node exited at start-up");
            try {
                if (TestNodes.send(HttpRequest.newBuilder(base.resolve("/v1/health")).timeout(Duration.ofSeconds(2))
                        .GET().build()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new AssertionError("the node did not answer /v1/health within 60 s");
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
