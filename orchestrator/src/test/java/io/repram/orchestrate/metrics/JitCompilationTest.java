package io.repram.orchestrate.metrics;

import org.junit.jupiter.api.Test;

import java.util.OptionalDouble;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Compile seconds from a node's /v1/metrics; fixtures from NodeMetricsFixture. */
class JitCompilationTest {

    @Test
    void ourNodeExportsItsCompileTime() throws Exception {
        // Captured from a repram-node: jvm_compilation_time_seconds_total 1.301.
        assertEquals(1.301, JitCompilation.seconds(NodeMetricsFixture.g1Node()).getAsDouble(), 1e-9);
    }

    @Test
    void theOlderClientsMillisecondsAreConverted() {
        assertEquals(2.5, JitCompilation.seconds("jvm_compilation_time_ms_total 2500\n").getAsDouble(), 1e-9);
    }

    @Test
    void anImageWithoutTheMetricIsUnknownNotZero() throws Exception {
        assertEquals(OptionalDouble.empty(), JitCompilation.seconds(NodeMetricsFixture.withoutJvm()));
    }
}
