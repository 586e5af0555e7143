package io.repram.orchestrate.live;

import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Serves a registry on {@code http://BIND:PORT/metrics} in the Prometheus / OpenMetrics text format
 * (the format follows the scraper's Accept header). Bound to 127.0.0.1 unless told otherwise.
 */
public final class MetricsEndpoint implements AutoCloseable {

    public static final String DEFAULT_BIND = "127.0.0.1";

    private final HTTPServer server;
    private final String bind;

    private MetricsEndpoint(HTTPServer server, String bind) {
        this.server = server;
        this.bind = bind;
    }

    /** @param port 0 for a free port, see {@link #port()} */
    public static MetricsEndpoint start(PrometheusRegistry registry, String bind, int port) {
        if (port < 0 || port > 65535) throw new IllegalArgumentException("--metrics-port must be 0..65535, was " + port);
        String host = bind == null || bind.isBlank() ? DEFAULT_BIND : bind;
        try {
            return new MetricsEndpoint(HTTPServer.builder().hostname(host).port(port).registry(registry).buildAndStart(), host);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve metrics on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return server.getPort();
    }

    /** The scrape URL, e.g. {@code http://127.0.0.1:9464/metrics}. */
    public String url() {
        String host = bind.contains(":") ? "[" + bind + "]" : bind;
        return "http://" + host + ":" + port() + "/metrics";
    }

    @Override
    public void close() {
        server.close();
    }
}
