package io.repram.orchestrate.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads results written before schema 2 (files without {@code schema_version}) by mapping their
 * fields onto schema 2's: renamed keys get their new name, latencies in nanoseconds or
 * milliseconds become microseconds, and run.json's scenario gets the scenario file's keys. The
 * mapping is the whole difference between the two schemas, so there is no second set of records.
 */
public final class SchemaV1 {

    private static final List<String> LATENCY_KEYS = List.of("mean", "min", "p50", "p90", "p99", "p999", "max");

    /** summary.csv v1 column → v2 column; latencies also change unit (see {@link #csvValue}). */
    static final Map<String, String> CSV_COLUMNS = csvColumns();

    private SchemaV1() {
    }

    /** The schema version of a JSON results file: 1 when it has none. */
    public static int version(JsonNode root) {
        return root.path(ResultsJson.SCHEMA_VERSION_KEY).asInt(1);
    }

    /** A v1 cell file ({@code <cell>.json}) rewritten in place as v2. */
    public static ObjectNode upgradeCell(ObjectNode root) {
        rename(root, "success_rate", "success_percent");
        JsonNode result = root.path("result");
        if (result instanceof ObjectNode r) {
            rename(r, "started_epoch_millis", "started_epoch_ms");
            rename(r, "finished_epoch_millis", "finished_epoch_ms");
            rename(r, "peak_cpu_percent", "cluster_peak_cpu_percent");
            rename(r, "peak_memory_bytes", "cluster_peak_memory_bytes");
            if (r.path("load") instanceof ObjectNode load) {
                load.remove("s_per_sec");
                for (String part : List.of("all", "put", "get")) {
                    if (load.path(part) instanceof ObjectNode latency) {
                        for (String k : LATENCY_KEYS) {
                            convert(latency, k + "_nanos", k + "_us", 1e-3);
                        }
                    }
                }
                for (JsonNode node : load.path("nodes")) {
                    for (JsonNode outage : node.path("outages")) {
                        rename((ObjectNode) outage, "seconds", "length_seconds");
                    }
                }
            }
            for (JsonNode fault : r.path("faults")) {
                rename((ObjectNode) fault, "offset_millis", "offset_ms");
            }
            if (r.path("convergence") instanceof ObjectNode c) {
                rename(c, "timeout_millis", "timeout_ms");
                for (String k : List.of("p50", "p99", "max")) {
                    convert(c, k + "_millis", k + "_us", 1e3);
                }
            }
            if (r.path("audit") instanceof ObjectNode a) {
                rename(a, "settle_millis", "settle_ms");
            }
            for (JsonNode agent : r.path("agents")) {
                ObjectNode a = (ObjectNode) agent;
                rename(a, "offered_rate_per_second", "offered_requests_per_sec");
                rename(a, "p99_send_slip_micros", "p99_send_slip_us");
                rename(a, "max_send_slip_micros", "max_send_slip_us");
            }
        }
        return root;
    }

    /**
     * A v1 run.json rewritten in place as v2: its scenario was the records' field names
     * ({@code rate_per_second}, {@code memory_bytes}, {@code "targets": "ALL"}, an always-present
     * {@code load}); v2 spells it as a scenario file does.
     */
    public static ObjectNode upgradeRun(ObjectNode root) {
        if (root.path("scenario") instanceof ObjectNode s) {
            if (s.path("workload") instanceof ObjectNode w) {
                rename(w, "rate_per_second", "rate");
                if (w.path("targets").isTextual()) {
                    w.put("targets", w.path("targets").asText().toLowerCase(Locale.ROOT));
                }
            }
            if (s.path("node") instanceof ObjectNode n) {
                rename(n, "memory_bytes", "memory");
                removeNull(n, "cpus");
                removeNull(n, "memory");
            }
            if (s.path("workload") instanceof ObjectNode w) {
                removeNull(w, "rate");
            }
            if (s.path("load").path("agents").asInt(0) == 0) {
                s.remove("load");
            }
            for (JsonNode fault : s.path("faults")) {
                if (fault.path("node").isTextual() && fault.path("node").asText().matches("\\d+")) {
                    ((ObjectNode) fault).put("node", Integer.parseInt(fault.path("node").asText()));
                }
            }
        }
        return root;
    }

    /** A v1 summary.csv row (column → value) as v2 columns; v2 columns without a v1 source stay absent. */
    public static Map<String, String> upgradeCsvRow(Map<String, String> v1) {
        Map<String, String> v2 = new LinkedHashMap<>();
        v1.forEach((column, value) -> {
            String name = CSV_COLUMNS.getOrDefault(column, column);
            v2.put(name, csvValue(column, value));
        });
        // The mapped row is in schema 2's columns and units, so it is labelled as such.
        v2.put(SummaryCsv.SCHEMA_VERSION_COLUMN, Integer.toString(ResultsJson.SCHEMA_VERSION));
        return v2;
    }

    private static String csvValue(String v1Column, String value) {
        if (value == null || value.isEmpty()) return value;
        try {
            if (v1Column.endsWith("_ns")) {
                return Long.toString(Micros.fromNanos(Double.parseDouble(value)));
            }
            if (v1Column.startsWith("convergence_") && v1Column.endsWith("_ms")) {
                return Long.toString(Micros.fromMillis(Double.parseDouble(value)));
            }
            if (v1Column.equals("peak_memory_mb")) {
                return Long.toString(Math.round(Double.parseDouble(value) * 1024 * 1024));
            }
        } catch (NumberFormatException e) {
            return value;
        }
        return value;
    }

    private static Map<String, String> csvColumns() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("data_size", "payload_bytes");
        m.put("success_rate", "success_percent");
        m.put("avg_latency_ns", "mean_latency_us");
        for (String p : List.of("p50", "p90", "p99", "p999", "max")) {
            m.put(p + "_ns", p + "_latency_us");
        }
        m.put("put_per_sec", "puts_per_sec");
        m.put("get_per_sec", "gets_per_sec");
        // v1 summed the nodes' samples under an unqualified name.
        m.put("peak_cpu_percent", "cluster_peak_cpu_percent");
        m.put("peak_memory_mb", "cluster_peak_memory_bytes");
        for (String p : List.of("p50", "p99", "max")) {
            m.put("convergence_" + p + "_ms", "convergence_" + p + "_us");
        }
        return Map.copyOf(m);
    }

    private static void rename(ObjectNode node, String from, String to) {
        if (node.has(from)) {
            node.set(to, node.remove(from));
        }
    }

    private static void removeNull(ObjectNode node, String key) {
        if (node.has(key) && node.get(key).isNull()) {
            node.remove(key);
        }
    }

    private static void convert(ObjectNode node, String from, String to, double factor) {
        if (!node.has(from)) return;
        JsonNode value = node.remove(from);
        if (value.isNumber()) {
            node.put(to, Math.round(value.asDouble() * factor));
        } else {
            node.set(to, value);
        }
    }
}
