package io.repram.node;

import org.junit.jupiter.api.Test;

import static io.repram.node.TestNodes.get;
import static io.repram.node.TestNodes.put;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Without REPRAM_MAX_STORAGE_MB the node caps storage below its heap, so a full node answers 507 and lives. */
class StorageCapTest {
    private static final int TEN_MIB = 10 * 1024 * 1024;

    @Test
    void defaultCapFromASmallHeapAnswers507AndKeepsServing() throws Exception {
        long heapBytes = 48L * 1024 * 1024;
        NodeConfig cfg = NodeConfig.fromEnv(TestNodes.env("capped"), w -> { }, heapBytes);
        try (RepramNode node = RepramNode.start(cfg)) {
            assertEquals(201, put(node, "/v1/data/a", new byte[TEN_MIB]).statusCode());
            assertEquals(201, put(node, "/v1/data/b", new byte[TEN_MIB]).statusCode());
            assertEquals(507, put(node, "/v1/data/c", new byte[TEN_MIB]).statusCode());
            assertEquals(404, get(node, "/v1/data/c").statusCode());
            assertEquals(200, get(node, "/v1/health").statusCode());
            assertEquals(heapBytes / 2, TestNodes.json(get(node, "/v1/status")).path("storage").path("max_bytes").asLong());
        }
    }
}
