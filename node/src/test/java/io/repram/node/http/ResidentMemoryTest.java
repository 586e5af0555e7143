package io.repram.node.http;

import io.repram.node.RepramNode;
import io.repram.node.TestNodes;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ResidentMemoryTest {

    @Test
    void vmRssIsReadInBytes() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/status/proc-self-status.txt")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines().toList();
            assertEquals(187_316L * 1024, ResidentMemory.parseVmRss(lines));
        }
        assertNull(ResidentMemory.parseVmRss(List.of("Name:\tjava", "State:\tS (sleeping)")));
    }

    @Test
    void statusReportsRssNextToTheHeap() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/status")), "no /proc: rss is null there");
        try (RepramNode node = TestNodes.start("rss")) {
            var memory = TestNodes.json(TestNodes.get(node, "/v1/status")).path("memory");
            long rss = memory.path("rss").asLong();
            assertTrue(rss > 0, memory.toString());
            assertTrue(rss >= memory.path("heap_used_bytes").asLong() / 2, memory.toString());
        }
    }
}
