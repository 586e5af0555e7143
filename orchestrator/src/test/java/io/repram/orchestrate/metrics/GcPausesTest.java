package io.repram.orchestrate.metrics;

import org.junit.jupiter.api.Test;

import java.util.OptionalDouble;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Pause seconds from a node's /v1/metrics; fixtures from NodeMetricsFixture. */
class GcPausesTest {

    @Test
    void ourNodesCollectorsAreSummed() throws Exception {
        // Captured from a repram-node on G1: 0.0 s old generation + 0.029 s young generation.
        assertEquals(0.029, GcPauses.seconds(NodeMetricsFixture.g1Node()).getAsDouble(), 1e-9);
    }

    @Test
    void concurrentCollectorsAreNoPauses() throws Exception {
        assertEquals(1.75, GcPauses.seconds(NodeMetricsFixture.read("node-metrics-concurrent-gc.txt")).getAsDouble(), 1e-9);
    }

    @Test
    void anImageWithoutTheMetricIsUnknownNotZero() throws Exception {
        assertEquals(OptionalDouble.empty(), GcPauses.seconds(NodeMetricsFixture.withoutJvm()));
    }
}
