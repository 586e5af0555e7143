package io.repram.orchestrate.cli;

import io.repram.orchestrate.engine.Await;
import io.repram.orchestrate.scenario.Secrets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13 part 4 end to end with the process driver: the cluster secret of node.env reaches the
 * nodes (they check gossip signatures with it) and no byte of it reaches the results directory,
 * node logs included, or the terminal.
 */
class SecretsInResultsTest {
    private static final String GOSSIP = "/v1/gossip/message";

    @TempDir
    Path tmp;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** Two consecutive free loopback ports, so the test knows where the run's nodes listen. */
    private static int freeBasePort() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket a = new ServerSocket()) {
                a.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                int port = a.getLocalPort();
                if (port >= 65535) continue;
                try (ServerSocket b = new ServerSocket()) {
                    b.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port + 1));
                    return port;
                } catch (IOException taken) {
                    // try another pair
                }
            }
        }
        throw new IllegalStateException("no two consecutive free ports on 127.0.0.1");
    }

    private static String sign(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    /** The status of a gossip POST signed with {@code secret}; -1 while the node does not answer. */
    private int gossipStatus(int port, String secret) {
        try {
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + GOSSIP))
                    .timeout(Duration.ofSeconds(2)).header("X-Repram-Signature", sign(secret, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static List<Path> filesContaining(Path root, byte[] needle) throws IOException {
        List<Path> hits = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (indexOf(Files.readAllBytes(f), needle) >= 0) hits.add(f);
            }
        }
        return hits;
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) continue outer;
            }
            return i;
        }
        return -1;
    }

    @Test
    void theSecretReachesTheNodesAndNoFileOrLineOfOutput() throws Exception {
        String secret = "s3cr3t-" + UUID.randomUUID();
        Path scenario = Files.writeString(tmp.resolve("secret.yaml"), String.join("\n",
                "name: secret",
                "matrix: {cluster_sizes: [2], concurrency: [2], payload_bytes: [256]}",
                "duration: 4s",
                "warmup: 0s",
                "cooldown: {between_scenarios: 0s, between_cluster_sizes: 0s}",
                "workload: {put_percent: 70, ttl_seconds: 300, key_space: 200, rate: 200, targets: all}",
                "node:",
                "  env: {REPRAM_CLUSTER_SECRET: \"" + secret + "\"}",
                ""));
        Path results = tmp.resolve("results");
        int basePort = freeBasePort();
        Captured console = new Captured();
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> console.run(new RunCommand(),
                scenario.toString(), "--driver", "process", "--ci", "--results-dir", results.toString(),
                "--base-port", Integer.toString(basePort)));

        // While the cell runs: node 1 takes gossip signed with the scenario's secret, and refuses
        // gossip signed with what run.json shows instead of it.
        int node1 = basePort + 1;
        int rightlySigned = Await.value(Duration.ofSeconds(60),
                () -> gossipStatus(node1, secret), s -> (s > 0 && s != 503) || run.isDone());
        assertTrue(rightlySigned > 0 && rightlySigned != 403, "signed with the secret: " + rightlySigned + "\n" + console);
        assertEquals(403, gossipStatus(node1, Secrets.REDACTED), "signed with the redacted placeholder");

        assertEquals(ExitCodes.OK, run.get(120, TimeUnit.SECONDS), console.toString());
        Path dir;
        try (Stream<Path> dirs = Files.list(results)) {
            dir = dirs.findFirst().orElseThrow();
        }
        String runJson = Files.readString(dir.resolve("run.json"));
        assertTrue(runJson.matches("(?s).*\"REPRAM_CLUSTER_SECRET\"\\s*:\\s*\"<redacted>\".*"), runJson);
        assertTrue(Files.isRegularFile(dir.resolve("logs/2nodes/node-1.log")), "node logs are part of what is checked");
        assertNotEquals(List.of(), filesContaining(dir, "REPRAM_CLUSTER_SECRET".getBytes(StandardCharsets.UTF_8)),
                "the grep below can find a string in these files");

        byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of(), filesContaining(results, needle), "files holding the secret");
        assertEquals(-1, console.out().indexOf(secret), "stdout holds the secret");
        assertEquals(-1, console.err().indexOf(secret), "stderr holds the secret");
    }
}
