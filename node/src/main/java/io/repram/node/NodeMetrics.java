package io.repram.node;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.function.DoubleSupplier;

/** The node's Prometheus registry: upstream's counters, per-route request figures and JVM metrics. */
public final class NodeMetrics {
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = new PrometheusTextFormatWriter(false);

    public final Counter peerEvictions = counter("repram_peer_evictions_total", "Peers evicted after failed pings");
    public final Counter peerJoins = counter("repram_peer_joins_total", "Peers that joined this node's table");
    public final Counter bootstrapFailures = counter("repram_bootstrap_failures_total",
            "Bootstrap rounds in which no seed accepted this node (retried with backoff)");
    public final Counter pingFailures = counter("repram_ping_failures_total", "Failed pings to peers");
    public final Counter rateLimited = counter("repram_rate_limited_requests_total", "Requests refused with 429");
    public final Counter oversized = counter("repram_oversized_requests_total", "Requests refused with 413");
    private final Counter requests = Counter.builder()
            .name("repram_http_requests_total").help("HTTP requests by route, method and status")
            .labelNames("route", "method", "status").register(registry);
    private final Histogram latency = Histogram.builder()
            .name("repram_http_request_duration_seconds").help("HTTP request latency by route, method and status")
            .labelNames("route", "method", "status").classicOnly()
            .classicUpperBounds(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)
            .register(registry);

    public NodeMetrics() {
        JvmMetrics.builder().register(registry);
    }

    public void gauge(String name, String help, DoubleSupplier value) {
        GaugeWithCallback.builder().name(name).help(help)
                .callback(cb -> cb.call(value.getAsDouble())).register(registry);
    }

    public void request(String route, String method, int status, double seconds) {
        String s = statusLabel(status);
        requests.labelValues(route, method, s).inc();
        latency.labelValues(route, method, s).observe(seconds);
    }

    public String contentType() {
        return writer.getContentType();
    }

    public byte[] scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try {
            writer.write(out, registry.scrape());
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    private Counter counter(String name, String help) {
        return Counter.builder().name(name).help(help).register(registry);
    }

    /** Avoids a String allocation per request for the common statuses. */
    private static String statusLabel(int status) {
        return switch (status) {
            case 200 -> "200";
            case 201 -> "201";
            case 202 -> "202";
            case 404 -> "404";
            case 429 -> "429";
            default -> Integer.toString(status);
        };
    }
}
