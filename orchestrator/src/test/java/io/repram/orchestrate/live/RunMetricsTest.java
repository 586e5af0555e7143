package io.repram.orchestrate.live;

import io.repram.orchestrate.results.FaultEvent;
import io.repram.orchestrate.results.IntervalLatency;
import io.repram.orchestrate.results.IntervalRecord;
import io.repram.orchestrate.results.NodeInterval;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The endpoint serves the run's figures in the text format; counters skip the warm-up. */
class RunMetricsTest {

    @Test
    void servesCountersGaugesAndLabelsOnLoopback() throws Exception {
        RunMetrics metrics = new RunMetrics("");
        metrics.runStarted("20261201-101500");
        metrics.cellStarted("3nodes_4conc_512bytes", 3);
        IntervalLatency put = new IntervalLatency(100, 1000, 2000, 3000, 4000, 5000);
        List<NodeInterval> nodes = List.of(new NodeInterval(0, "node-0", true, 90, 10, 50.0, 64L << 20, 1, 2));
        metrics.interval("3nodes_4conc_512bytes", 3, record(true, 999, 999, 0, Map.of(), put, nodes));
        metrics.interval("3nodes_4conc_512bytes", 3, record(false, 100, 90, 10, Map.of("timeout", 10L), put, nodes));
        metrics.interval("3nodes_4conc_512bytes", 3, record(false, 50, 50, 0, Map.of(), put, nodes));
        metrics.nodeAvailability("3nodes_4conc_512bytes", 3, "node-0", 75.0);
        metrics.faults("3nodes_4conc_512bytes", 3, List.of(new FaultEvent(100, "kill", 0, FaultEvent.SCENARIO, true, null)));
        try (MetricsEndpoint endpoint = MetricsEndpoint.start(metrics.registry(), null, 0)) {
            assertTrue(endpoint.url().startsWith("http://127.0.0.1:"), endpoint.url());
            assertTrue(endpoint.port() > 0);
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(endpoint.url()))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
            String text = r.body();
            String[] cell = {"cell=\"3nodes_4conc_512bytes\"", "cluster_size=\"3\"", "run=\"20261201-101500\""};
            assertSample(text, "repram_requests_total", 150.0, cell);
            assertSample(text, "repram_successes_total", 140.0, cell);
            assertSample(text, "repram_errors_total", 10.0, with(cell, "class=\"timeout\""));
            assertSample(text, "repram_current_cell", 1.0, cell);
            assertSample(text, "repram_latency_seconds", 0.003, with(cell, "op=\"put\"", "quantile=\"0.99\""));
            assertSample(text, "repram_latency_seconds", 0.005, with(cell, "op=\"put\"", "quantile=\"1.0\""));
            assertSample(text, "repram_node_cpu_percent", 50.0, with(cell, "node=\"node-0\""));
            assertSample(text, "repram_node_requests_total", 200.0, with(cell, "node=\"node-0\""));
            assertSample(text, "repram_node_errors_total", 20.0, with(cell, "node=\"node-0\""));
            assertTrue(text.contains("repram_node_availability_percent{"), text);
            assertTrue(text.contains("repram_faults_total{action=\"kill\""), text);
        }
        metrics.cellStarted("5nodes_4conc_512bytes", 5);
        try (MetricsEndpoint endpoint = MetricsEndpoint.start(metrics.registry(), "127.0.0.1", 0)) {
            String text = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(endpoint.url())).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertFalse(text.contains("repram_current_cell{cell=\"3nodes"), "only the running cell is current: " + text);
            assertTrue(text.contains("repram_requests_total{cell=\"3nodes"), "counters of finished cells stay");
        }
    }

    /** A sample line of {@code name} with all these label pairs (in any order) and this value. */
    private static void assertSample(String text, String name, double value, String... labels) {
        for (String line : text.split("\n")) {
            if (!line.startsWith(name + "{")) continue;
            String pairs = line.substring(name.length() + 1, line.lastIndexOf('}'));
            if (!java.util.Set.of(pairs.split(",")).equals(java.util.Set.of(labels))) continue;
            assertEquals(value, Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)), 1e-9, line);
            return;
        }
        throw new AssertionError(name + " " + List.of(labels) + " not in:\n" + text);
    }

    private static String[] with(String[] base, String... more) {
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    private static IntervalRecord record(boolean warmup, long requests, long ok, long failed, Map<String, Long> errors,
                                         IntervalLatency put, List<NodeInterval> nodes) {
        return new IntervalRecord(0, 0, 1000, warmup, requests, requests, ok, failed, errors, put, IntervalLatency.EMPTY,
                nodes);
    }
}
