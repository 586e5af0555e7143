package io.repram.orchestrate.metrics;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Pause seconds from a node's /v1/metrics; fixtures in src/test/resources/limits. */
class GcPausesTest {

    private static String fixture(String name) throws Exception {
        return Files.readString(Path.of("src/test/resources/limits", name));
    }

    @Test
    void ourNodesCollectorsAreSummed() throws Exception {
        // Captured from a repram-node on G1: 0.0 s old generation + 0.029 s young generation.
        assertEquals(0.029, GcPauses.seconds(fixture("node-metrics-g1.txt")).getAsDouble(), 1e-9);
    }

    @Test
    void concurrentCollectorsAreNoPauses() throws Exception {
        assertEquals(1.75, GcPauses.seconds(fixture("node-metrics-concurrent-gc.txt")).getAsDouble(), 1e-9);
    }

    @Test
    void anImageWithoutTheMetricIsUnknownNotZero() throws Exception {
        assertEquals(OptionalDouble.empty(), GcPauses.seconds(fixture("node-metrics-without-jvm.txt")));
    }
}
