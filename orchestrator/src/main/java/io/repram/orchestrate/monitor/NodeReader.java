package io.repram.orchestrate.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import io.repram.orchestrate.engine.NodeProbe;
import io.repram.orchestrate.metrics.PromText;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Polls one node: {@code /v1/status} says whether it is UP and, for nodes without metrics, what it
 * stores; {@code /v1/metrics} (Prometheus text) gives request counters and the latency histogram.
 */
public final class NodeReader {
    static final String REQUESTS = "repram_http_requests_total";
    static final String DURATION = "repram_http_request_duration_seconds";
    /** Names other REPRAM builds use for a request counter, tried in order when ours is absent. */
    private static final List<String> OTHER_REQUEST_COUNTERS = List.of(DURATION + "_count", "http_requests_total",
            "repram_requests_total");
    /** Routes the monitor polls itself and node-to-node traffic: not client requests. */
    private static final Set<String> NOT_CLIENT_ROUTES = Set.of("/v1/health", "/v1/status", "/v1/metrics",
            "/v1/topology", "/v1/gossip/message", "/v1/bootstrap");

    private final NodeProbe probe;

    public NodeReader(NodeProbe probe) {
        this.probe = probe;
    }

    /** Never throws: a node that does not answer {@code /v1/status} (nor {@code /v1/health}) is DOWN. */
    public NodeReading read(URI base) {
        long now = System.currentTimeMillis();
        JsonNode status;
        try {
            status = probe.getJson(base, "/v1/status");
        } catch (IOException | RuntimeException e) {
            if (!probe.healthy(base)) return NodeReading.down(now);
            status = null;
        }
        List<PromText.Sample> metrics;
        try {
            metrics = PromText.parse(probe.get(base, "/v1/metrics"));
        } catch (IOException | RuntimeException e) {
            metrics = List.of(); // an upstream node may have no metrics endpoint: fall back to the status
        }
        return fromScrape(now, metrics, status);
    }

    /** Builds a reading from what the node served; either part may be missing (empty list, null). */
    static NodeReading fromScrape(long epochMillis, List<PromText.Sample> metrics, JsonNode status) {
        long requests = -1, successful = -1, failed = -1;
        Map<String, Long> failures = new TreeMap<>();
        String counter = REQUESTS;
        if (!has(metrics, counter)) counter = OTHER_REQUEST_COUNTERS.stream().filter(n -> has(metrics, n)).findFirst().orElse(null);
        if (counter != null) {
            long ok = 0, bad = 0, all = 0;
            boolean statusKnown = true;
            for (PromText.Sample s : metrics) {
                if (!s.name().equals(counter) || !clientRoute(s)) continue;
                long n = Math.round(s.value());
                all += n;
                String code = s.label("status") != null ? s.label("status") : s.label("code");
                if (code == null) {
                    statusKnown = false;
                } else if (failedStatus(code)) {
                    bad += n;
                    if (n > 0) failures.merge("status_" + code, n, Long::sum);
                } else {
                    ok += n;
                }
            }
            requests = all;
            if (statusKnown) {
                successful = ok;
                failed = bad;
            } else {
                failures.clear();
            }
        } else if (status != null) {
            requests = firstNumber(status, "requests_total", "total_requests", "requests");
        }
        long items = gauge(metrics, "repram_storage_items");
        long bytes = gauge(metrics, "repram_storage_bytes");
        if (items < 0 && status != null) items = number(status.path("storage").path("items"), firstNumber(status, "items", "item_count", "storage_items", "keys"));
        if (bytes < 0 && status != null) bytes = number(status.path("storage").path("bytes"), firstNumber(status, "storage_bytes", "bytes_used"));
        return new NodeReading(epochMillis, true, requests, successful, failed, items, bytes, latency(metrics),
                new LinkedHashMap<>(failures));
    }

    /** 5xx: the node failed; 429: it refused under load. 404 and other 4xx are answers, not failures. */
    static boolean failedStatus(String code) {
        return code.startsWith("5") || code.equals("429");
    }

    private static boolean clientRoute(PromText.Sample s) {
        String route = s.label("route") != null ? s.label("route") : s.label("path");
        return route == null || !NOT_CLIENT_ROUTES.contains(route);
    }

    private static LatencyCounts latency(List<PromText.Sample> metrics) {
        double sum = 0;
        long count = 0;
        boolean found = false;
        TreeMap<Double, Long> buckets = new TreeMap<>();
        for (PromText.Sample s : metrics) {
            if (!s.name().startsWith(DURATION) || !clientRoute(s)) continue;
            switch (s.name().substring(DURATION.length())) {
                case "_sum" -> sum += s.value();
                case "_count" -> {
                    count += Math.round(s.value());
                    found = true;
                }
                case "_bucket" -> {
                    String le = s.label("le");
                    if (le != null) buckets.merge(PromText.parseValue(le), Math.round(s.value()), Long::sum);
                }
                default -> { }
            }
        }
        return found ? new LatencyCounts(sum, count, buckets) : LatencyCounts.NONE;
    }

    private static boolean has(List<PromText.Sample> metrics, String name) {
        return metrics.stream().anyMatch(s -> s.name().equals(name));
    }

    private static long gauge(List<PromText.Sample> metrics, String name) {
        return metrics.stream().filter(s -> s.name().equals(name)).findFirst()
                .map(s -> Math.round(s.value())).orElse(-1L);
    }

    private static long number(JsonNode v, long otherwise) {
        return v.isNumber() ? v.asLong() : otherwise;
    }

    /** Upstream and our node name their figures differently, some nested: the first name found anywhere. */
    static long firstNumber(JsonNode doc, String... names) {
        for (String name : names) {
            JsonNode v = doc.findValue(name);
            if (v != null && v.isNumber()) return v.asLong();
        }
        return -1;
    }
}
