package io.repram.orchestrate.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** /v1/metrics pages captured from real nodes, in src/test/resources/limits, shared by the JVM-figure readers' tests. */
final class NodeMetricsFixture {
    private NodeMetricsFixture() {
    }

    /** A repram-node on G1: jvm_compilation_time_seconds_total 1.301, 0.029 s of young-generation pauses. */
    static String g1Node() throws IOException {
        return read("node-metrics-g1.txt");
    }

    /** An image that exports no JVM metrics (upstream's Go node has none): each figure must read as unknown. */
    static String withoutJvm() throws IOException {
        return read("node-metrics-without-jvm.txt");
    }

    static String read(String name) throws IOException {
        return Files.readString(Path.of("src/test/resources/limits", name));
    }
}
