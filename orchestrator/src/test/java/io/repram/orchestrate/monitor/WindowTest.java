package io.repram.orchestrate.monitor;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WindowTest {

    private static NodeReading reading(long millis, long requests, long failed, double sum, long count,
                                       Map<Double, Long> buckets) {
        return new NodeReading(millis, true, requests, requests - failed, failed, 10, 100,
                new LatencyCounts(sum, count, new TreeMap<>(buckets)), failed > 0 ? Map.of("status_503", failed) : Map.of());
    }

    @Test
    void ratesAndLatencyOfTheRequestsInBetween() {
        NodeReading a = reading(1_000, 100, 0, 1.0, 100, Map.of(0.001, 50L, 0.01, 100L, Double.POSITIVE_INFINITY, 100L));
        NodeReading b = reading(3_000, 300, 10, 1.4, 300, Map.of(0.001, 150L, 0.01, 300L, Double.POSITIVE_INFINITY, 300L));
        Window w = Window.between(a, b);
        assertEquals(200, w.requests());
        assertEquals(10, w.failed());
        assertEquals(100.0, w.requestsPerSec(), 1e-9);
        assertEquals(2.0, w.latency().averageMillis(), 1e-9);
        // 100 of 200 in the first bucket: the median is its upper bound; p99 falls at 98/100 of the second.
        assertEquals(1.0, w.latency().quantileMillis(0.5), 1e-9);
        assertEquals(1.0 + 9.0 * 0.98, w.latency().quantileMillis(0.99), 1e-9);
        assertEquals(95.0, w.successPercent(), 1e-9);
        assertEquals(Map.of("status_503", 10L), w.failuresByClass());
    }

    @Test
    void aRestartedNodeCountsFromZeroAndDownNodesCountNothing() {
        NodeReading before = reading(1_000, 1000, 0, 1, 1000, Map.of());
        NodeReading after = reading(2_000, 40, 0, 0.04, 40, Map.of());
        assertEquals(40, Window.between(before, after).requests());
        Window down = Window.between(before, NodeReading.down(2_000));
        assertEquals(-1, down.requests());
        Window sum = Window.between(before, after).plus(down);
        assertEquals(40, sum.requests());
        assertTrue(Double.isNaN(Window.NONE.successPercent()));
    }
}
