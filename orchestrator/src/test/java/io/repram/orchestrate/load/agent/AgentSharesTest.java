package io.repram.orchestrate.load.agent;

import io.repram.orchestrate.engine.AgentEndpoint;
import io.repram.orchestrate.load.FiguresCollector;
import io.repram.orchestrate.load.KeyRange;
import io.repram.orchestrate.results.AgentShare;
import io.repram.orchestrate.scenario.Workload;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Shares and the two saturation signals: CPU near the limit, and requests sent late. */
class AgentSharesTest {

    @Test
    void cpuNearTheLimitAndLateSendsMarkAnAgentSaturated() {
        IntervalMerger merger = new IntervalMerger(3);
        for (int second = 1; second <= 4; second++) {
            merger.add(0, interval(second, 300, 30, 200_000));     // calm
            merger.add(1, interval(second, 200, 185, 200_000));    // 185% of 2 cores: CPU-bound
            merger.add(2, interval(second, 500, 20, 25_000_000));  // every send 25 ms late
        }
        List<AgentShare> shares = AgentShares.of(List.of(endpoint(0, null), endpoint(1, null), endpoint(2, 4.0)),
                List.of(plan(4), plan(3), plan(3)), List.of(2, 2, 2), merger);

        assertEquals(List.of(1200L, 800L, 2000L), shares.stream().map(AgentShare::requests).toList());
        assertEquals(30.0, shares.get(0).sharePercent(), 1e-9);
        assertEquals(300.0, shares.get(0).requestsPerSec(), 1e-9);
        assertFalse(shares.get(0).saturated());
        assertNull(shares.get(0).saturationReason());

        assertTrue(shares.get(1).saturated());
        assertTrue(shares.get(1).saturationReason().startsWith("CPU averaged 185% of 2.0 core(s)"), shares.get(1).saturationReason());
        assertEquals(2.0, shares.get(1).cpuLimitCores());

        // A CPU limit from the launcher wins over the cores the agent sees.
        assertEquals(4.0, shares.get(2).cpuLimitCores());
        assertTrue(shares.get(2).saturated());
        assertTrue(shares.get(2).saturationReason().contains("p99 send slip 25.0 ms > 10 ms"), shares.get(2).saturationReason());
        assertTrue(shares.get(2).p99SendSlipMicros() >= 24_000 && shares.get(2).maxSendSlipMicros() >= 24_000);
    }

    private static AgentWire.Interval interval(long seq, int requests, double cpuPercent, long slipNanos) {
        Histogram latency = FiguresCollector.newHistogram();
        Histogram slip = FiguresCollector.newHistogram();
        for (int i = 0; i < requests; i++) {
            latency.recordValue(1_000_000);
            slip.recordValue(slipNanos);
        }
        return new AgentWire.Interval(seq, seq * 1000, 1.0, false, requests, 0, requests, 0, Map.of(),
                HistogramCodec.encode(latency), HistogramCodec.encode(FiguresCollector.newHistogram()),
                HistogramCodec.encode(slip), cpuPercent, slip.getMaxValue() / 1000);
    }

    private static AgentEndpoint endpoint(int i, Double cpuLimit) {
        return new AgentEndpoint(i, "agent-" + i, URI.create("http://127.0.0.1:1"), List.of(URI.create("http://n:1")),
                "test", cpuLimit);
    }

    private static LoadPlan plan(int concurrency) {
        return new LoadPlan(List.of(URI.create("http://n:1")), new Workload(50, 300, 100, null, Workload.Targets.ALL),
                concurrency, 1, 0, 1000, 1000, 1, new KeyRange(0, 100));
    }
}
