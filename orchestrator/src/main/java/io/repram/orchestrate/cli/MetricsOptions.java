package io.repram.orchestrate.cli;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.repram.orchestrate.live.MetricsEndpoint;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.Duration;

/** {@code --metrics-port}, {@code --metrics-bind}: also used alone by {@code monitor} and {@code agent}. */
final class MetricsOptions {
    @Option(names = "--metrics-port", paramLabel = "PORT",
            description = "Serve live metrics on http://BIND:PORT/metrics (Prometheus/OpenMetrics text; 0 = a free"
                    + " port, printed). See docs/prometheus.md.")
    Integer port;

    @Option(names = "--metrics-bind", paramLabel = "ADDRESS", defaultValue = MetricsEndpoint.DEFAULT_BIND,
            description = "Address of the metrics endpoint (default: ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--metrics-linger", paramLabel = "DURATION", defaultValue = "0s",
            description = "Keep the metrics endpoint up this long after the end, for a last scrape (default: ${DEFAULT-VALUE}).")
    Duration linger;

    /** Starts the endpoint and says where; null without --metrics-port. */
    MetricsEndpoint start(PrometheusRegistry registry, PrintWriter out) {
        if (port == null) return null;
        MetricsEndpoint endpoint = MetricsEndpoint.start(registry, bind, port);
        out.println("Metrics: " + endpoint.url());
        out.flush();
        return endpoint;
    }

    /** Holds a started endpoint up for {@code --metrics-linger}, then closes it. */
    void close(MetricsEndpoint endpoint) {
        if (endpoint == null) return;
        try {
            if (linger != null && !linger.isNegative() && !linger.isZero()) Thread.sleep(linger.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            endpoint.close();
        }
    }
}

