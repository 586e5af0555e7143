package io.repram.orchestrate.engine.swarm;

import io.repram.orchestrate.engine.NodeEndpoint;
import io.repram.orchestrate.engine.NodeProbe;
import io.repram.orchestrate.engine.NodeStatsSample;
import io.repram.orchestrate.metrics.PromText;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricsStatsPollerTest {
    @Test
    void cpuPercentFromTwoScrapesAndResidentMemory() {
        NodeEndpoint node = new NodeEndpoint(1, "node-1", "127.0.0.1", 1);
        // Port 1 answers nothing: the timer's own polls produce no samples, only the calls below do.
        try (MetricsStatsPoller poller = new MetricsStatsPoller(new NodeProbe(), List.of(node), 512L << 20, s -> { })) {
            String first = "# HELP process_cpu_seconds_total x\nprocess_cpu_seconds_total 10.0\nprocess_resident_memory_bytes 1.0E8\n";
            String second = "process_cpu_seconds_total 10.5\nprocess_resident_memory_bytes 2.0E8\n";
            assertTrue(poller.sample(node, first, 0).isEmpty(), "the first scrape has nothing to compare with");
            Optional<NodeStatsSample> s = poller.sample(node, second, 1_000_000_000L);
            assertEquals(50.0, s.orElseThrow().cpuPercent(), 1e-9);
            assertEquals(200_000_000L, s.get().memoryBytes());
            assertEquals(512L << 20, s.get().memoryLimitBytes());
            assertEquals("node-1", s.get().nodeId());
            // /v1/metrics has no network or block I/O counters: unknown, not 0.
            assertEquals(NodeStatsSample.UNKNOWN, s.get().netRxBytes());
            assertEquals(NodeStatsSample.UNKNOWN, s.get().blockWriteBytes());
            assertTrue(poller.sample(node, "other 1\n", 2_000_000_000L).isEmpty(), "no CPU figure, no sample");
        }
        assertTrue(Double.isNaN(PromText.first(PromText.parse("other 1\n"), "process_cpu_seconds_total")));
    }
}
