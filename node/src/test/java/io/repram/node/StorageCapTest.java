package io.repram.node;

import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static io.repram.node.TestNodes.get;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Without REPRAM_MAX_STORAGE_MB the node caps storage by the memory it has, so a full node answers 507 and lives. */
class StorageCapTest {
    private static final int TEN_MIB = 10 * 1024 * 1024;
    private static final long MIB = 1024L * 1024;

    @Test
    void aSmallNodeAnswers507ToTwentyOneTenMibPutsAndKeepsServing() throws Exception {
        // 412 MiB in all, a 256 MiB heap, 96 MiB for the JVM: 60 MiB off the heap, a cap of 48 MiB, so four fit.
        NodeMemory memory = new NodeMemory(412 * MIB, 256 * MIB, Long.MAX_VALUE);
        NodeConfig cfg = NodeConfig.fromEnv(TestNodes.env("capped"), w -> { }, memory);
        assertEquals((long) (60 * MIB * 0.8), cfg.maxStorageBytes());
        try (RepramNode node = RepramNode.start(cfg)) {
            List<CompletableFuture<HttpResponse<byte[]>>> puts = new ArrayList<>();
            for (int i = 0; i < 21; i++) {
                byte[] value = new byte[TEN_MIB];
                Arrays.fill(value, (byte) i);
                puts.add(TestNodes.HTTP.sendAsync(HttpRequest.newBuilder(TestNodes.uri(node, "/v1/data/v" + i))
                        .timeout(Duration.ofSeconds(60)).PUT(HttpRequest.BodyPublishers.ofByteArray(value)).build(),
                        HttpResponse.BodyHandlers.ofByteArray()));
            }
            List<Integer> stored = new ArrayList<>();
            int refused = 0;
            for (int i = 0; i < puts.size(); i++) {
                int status = puts.get(i).get().statusCode();
                if (status == 201) {
                    stored.add(i);
                } else {
                    assertEquals(507, status, "PUT " + i);
                    refused++;
                }
            }
            // Concurrent writers reserve before they store, so together they cannot overshoot the cap.
            assertEquals(4, stored.size(), "stored " + stored);
            assertEquals(17, refused);
            for (int i = 0; i < 21; i++) {
                HttpResponse<byte[]> r = get(node, "/v1/data/v" + i);
                if (stored.contains(i)) {
                    assertEquals(200, r.statusCode());
                    byte[] expected = new byte[TEN_MIB];
                    Arrays.fill(expected, (byte) i);
                    assertArrayEquals(expected, r.body(), "value " + i);
                } else {
                    assertEquals(404, r.statusCode(), "refused value " + i);
                }
            }
            assertEquals(200, get(node, "/v1/health").statusCode());
            var storage = TestNodes.json(get(node, "/v1/status")).path("storage");
            assertEquals(cfg.maxStorageBytes(), storage.path("max_bytes").asLong());
            assertEquals(4L * TEN_MIB + 4 * 16, storage.path("offheap_used_bytes").asLong(), "four values and their keys' chunks");
            assertTrue(storage.path("offheap_committed_bytes").asLong() <= storage.path("offheap_max_bytes").asLong(),
                    storage.toString());
        }
    }
}
