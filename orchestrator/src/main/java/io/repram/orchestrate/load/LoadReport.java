package io.repram.orchestrate.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.repram.orchestrate.results.LatencySummary;
import io.repram.orchestrate.results.LoadFigures;
import io.repram.orchestrate.results.ResultsJson;
import java.net.URI;
import java.util.Locale;
import java.util.Map;

/** Renders one load run's figures as a text table (latencies in milliseconds) and as JSON (schema 2). */
public final class LoadReport {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private LoadReport() {
    }

    /**
     * The result in results schema 2 (docs/results.md): units in every name, latencies as whole
     * microseconds in the same shape as a cell file's {@code load.all}.
     */
    public static ObjectNode json(LoadSpec spec, LoadFigures figures) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put(ResultsJson.SCHEMA_VERSION_KEY, ResultsJson.SCHEMA_VERSION);
        var targets = root.putArray("targets");
        for (URI target : spec.targets()) {
            targets.add(target.toString());
        }
        root.put("mode", spec.openLoop() ? "open" : "closed");
        root.put("concurrency", spec.concurrency());
        root.put("offered_requests_per_sec", spec.openLoop() ? (Integer) spec.ratePerSecond() : null);
        root.put("payload_bytes", spec.payloadBytes());
        root.put("put_percent", spec.putPercent());
        root.put("ttl_seconds", spec.ttlSeconds());
        root.put("key_space", spec.keySpace());
        root.put("warmup_seconds", spec.warmup().toMillis() / 1000.0);
        root.put("elapsed_seconds", round(figures.elapsedSeconds(), 3));
        root.put("requests", figures.requests());
        root.put("successes", figures.successes());
        root.put("failures", figures.failures());
        root.put("requests_per_sec", round(figures.requestsPerSec(), 2));
        root.put("puts_per_sec", round(figures.putsPerSec(), 2));
        root.put("gets_per_sec", round(figures.getsPerSec(), 2));
        root.put("success_percent", round(figures.successRate(), 3));
        root.set("latency", ResultsJson.mapper().valueToTree(figures.all()));
        root.set("put_latency", ResultsJson.mapper().valueToTree(figures.put()));
        root.set("get_latency", ResultsJson.mapper().valueToTree(figures.get()));
        ObjectNode errors = root.putObject("errors_by_class");
        figures.errorsByClass().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> errors.put(e.getKey(), e.getValue()));
        return root;
    }

    public static String prettyJson(LoadSpec spec, LoadFigures figures) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json(spec, figures));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot render the load result as JSON", e);
        }
    }

    public static String table(LoadFigures f) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-14s %,d (%,d successful, %,d failed) in %.1f s%n",
                "Requests", f.requests(), f.successes(), f.failures(), f.elapsedSeconds()));
        out.append(String.format(Locale.ROOT, "%-14s %.2f req/s (PUT %.2f/s, GET %.2f/s)%n",
                "Throughput", f.requestsPerSec(), f.putsPerSec(), f.getsPerSec()));
        out.append(String.format(Locale.ROOT, "%-14s %.3f %%%n", "Success rate", f.successRate()));
        out.append(String.format(Locale.ROOT, "%-14s %9s %9s %9s %9s %9s %9s %9s%n",
                "Latency (ms)", "count", "mean", "p50", "p90", "p99", "p99.9", "max"));
        row(out, "  all", f.all());
        row(out, "  PUT", f.put());
        row(out, "  GET", f.get());
        if (f.errorsByClass().isEmpty()) {
            out.append(String.format(Locale.ROOT, "%-14s none%n", "Errors"));
        } else {
            out.append(String.format(Locale.ROOT, "%-14s", "Errors"));
            f.errorsByClass().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> out.append(String.format(Locale.ROOT, " %s=%,d", e.getKey(), e.getValue())));
            out.append(System.lineSeparator());
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String label, LatencySummary s) {
        out.append(String.format(Locale.ROOT, "%-14s %9d %9.3f %9.3f %9.3f %9.3f %9.3f %9.3f%n", label, s.count(),
                s.meanNanos() / 1e6, ms(s.p50Nanos()), ms(s.p90Nanos()), ms(s.p99Nanos()), ms(s.p999Nanos()), ms(s.maxNanos())));
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
