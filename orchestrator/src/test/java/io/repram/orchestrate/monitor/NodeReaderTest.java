package io.repram.orchestrate.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.repram.orchestrate.metrics.PromText;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NodeReaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void countsClientRequestsOnlyFromOurNode() throws Exception {
        NodeReading r = NodeReader.fromScrape(1000, PromText.parse(Fixtures.text("node-metrics.txt")),
                JSON.readTree(Fixtures.text("node-status.json")));
        // 3 PUT 201 + GET 200 + GET 404; the /v1/health and /v1/status calls are not client requests.
        assertTrue(r.up());
        assertEquals(5, r.requests());
        assertEquals(5, r.successful());
        assertEquals(0, r.failed());
        assertEquals(3, r.storageItems());
        assertEquals(30, r.storageBytes());
        assertEquals(5, r.latency().count());
    }

    @Test
    void failuresAre5xxAnd429ButNot404() throws Exception {
        NodeReading r = NodeReader.fromScrape(1000, PromText.parse(Fixtures.text("metrics-with-failures.txt")), null);
        assertEquals(100, r.requests());
        assertEquals(94, r.successful());
        assertEquals(6, r.failed());
        assertEquals(Map.of("status_429", 1L, "status_503", 5L), r.failuresByClass());
        assertEquals(12, r.storageItems());
        assertEquals(3500, r.storageBytes());
        // Only the PUT histogram counts: mean 5 ms, not the 0.5 s of the status polls.
        assertEquals(90, r.latency().count());
        assertEquals(5.0, r.latency().averageMillis(), 1e-9);
    }

    @Test
    void fallsBackToStatusFieldsForNodesWithoutMetrics() throws Exception {
        // A status shaped differently from ours, as another REPRAM build may serve it.
        JsonNode status = JSON.readTree(Fixtures.text("upstream-status.json"));
        NodeReading r = NodeReader.fromScrape(1000, List.of(), status);
        assertTrue(r.up());
        assertEquals(42, r.requests());
        assertEquals(-1, r.failed());
        assertEquals(7, r.storageItems());
        assertEquals(-1, r.storageBytes());
        assertFalse(r.latency().known());
    }
}
