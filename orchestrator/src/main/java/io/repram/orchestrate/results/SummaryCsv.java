package io.repram.orchestrate.results;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code summary.csv}: one row per finished cell in run order, schema 2 (docs/results.md): every
 * column with a unit carries it in its name, latencies are whole microseconds, and
 * {@code schema_version} says which layout a row follows. Columns added since schema 2 came out go
 * after it ({@code limited_by}, {@code ci_level_percent}), so readers of the earlier layout keep
 * working. Files without that column are schema 1 and are read through {@link SchemaV1#upgradeCsvRow}.
 */
public final class SummaryCsv {

    public static final String SCHEMA_VERSION_COLUMN = ResultsJson.SCHEMA_VERSION_KEY;

    public static final List<String> HEADER = List.of(
            "cluster_size", "concurrency", "payload_bytes", "requests_per_sec", "success_percent",
            "mean_latency_us", "p50_latency_us", "p90_latency_us", "p99_latency_us", "p999_latency_us",
            "max_latency_us", "error_count", "puts_per_sec", "gets_per_sec",
            "node_peak_cpu_percent", "cluster_peak_cpu_percent", "node_peak_memory_bytes", "cluster_peak_memory_bytes",
            "status", "faults", "lost_writes", "corrupt_reads",
            "convergence_p50_us", "convergence_p99_us", "convergence_max_us", "convergence_timeouts",
            "missing_replicas", "worst_node", "worst_node_availability_percent", SCHEMA_VERSION_COLUMN,
            "trials", "rps_ci_low", "rps_ci_high", "p99_ci_low_us", "p99_ci_high_us", "stop_reason", "measured_ms",
            "warmup_ms", "warmup_hit_max", "limited_by", "ci_level_percent");

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader(HEADER.toArray(String[]::new))
            .setRecordSeparator("\n")
            .get();

    private SummaryCsv() {
    }

    /** Rewrites the whole file atomically with these results, sorted into run order. */
    public static void write(Path file, List<CellResult> results) {
        List<CellResult> ordered = results.stream()
                .sorted(java.util.Comparator.comparingInt(r -> r.cell().index()))
                .toList();
        AtomicFiles.write(file, out -> {
            try (CSVPrinter csv = new CSVPrinter(out, FORMAT)) {
                for (CellResult r : ordered) {
                    csv.printRecord(row(r));
                }
            }
        });
    }

    static List<Object> row(CellResult r) {
        LoadFigures load = r.load();
        LatencySummary all = load.all();
        AuditFigures audit = r.audit();
        ConvergenceFigures conv = r.convergence();
        // Figures a cell did not measure (one node, no PUTs, older results) stay empty, not 0.
        List<Object> row = new java.util.ArrayList<>(List.of(
                r.cell().clusterSize(),
                r.cell().concurrency(),
                r.cell().payloadBytes(),
                fixed(load.requestsPerSec(), 2),
                fixed(load.successRate(), 3),
                Micros.fromNanos(all.meanNanos()),
                Micros.fromNanos(all.p50Nanos()),
                Micros.fromNanos(all.p90Nanos()),
                Micros.fromNanos(all.p99Nanos()),
                Micros.fromNanos(all.p999Nanos()),
                Micros.fromNanos(all.maxNanos()),
                load.failures(),
                fixed(load.putsPerSec(), 2),
                fixed(load.getsPerSec(), 2),
                r.nodePeakCpuPercent() == null ? "" : fixed(r.nodePeakCpuPercent(), 1),
                fixed(r.peakCpuPercent(), 1),
                r.nodePeakMemoryBytes() == null ? "" : r.nodePeakMemoryBytes(),
                r.peakMemoryBytes(),
                r.status(),
                r.faults().stream().filter(f -> FaultEvent.SCENARIO.equals(f.origin())).count(),
                audit == null ? "" : audit.lostWrites(),
                audit == null ? "" : audit.corruptReads(),
                conv == null ? "" : Micros.fromMillis(conv.p50Millis()),
                conv == null ? "" : Micros.fromMillis(conv.p99Millis()),
                conv == null ? "" : Micros.fromMillis(conv.maxMillis()),
                conv == null ? "" : conv.timeouts(),
                audit == null || audit.missingReplicas().isEmpty() ? "" : audit.missingReplicasTotal(),
                load.worstNode().map(n -> (Object) n.node()).orElse(""),
                load.worstNode().map(n -> (Object) fixed(n.availabilityPercent(), 1)).orElse(""),
                ResultsJson.SCHEMA_VERSION));
        row.addAll(trialColumns(r.trials()));
        row.add(r.limit() == null ? "" : r.limit().verdict());
        row.add(ciLevel(r.trials()));
        return row;
    }

    /** The level of the req/s and p99 intervals (the same trials and method give both one level); empty without one. */
    private static Object ciLevel(TrialFigures t) {
        if (t == null || t.requestsPerSec() == null || t.requestsPerSec().levelPercent() == null) return "";
        return fixed(t.requestsPerSec().levelPercent(), 2);
    }

    /** Empty for results without trial figures; an interval's bounds empty when there was none. */
    private static List<Object> trialColumns(TrialFigures t) {
        if (t == null || t.requestsPerSec() == null) return java.util.Collections.nCopies(9, "");
        TrialFigures.Estimate rps = t.requestsPerSec();
        TrialFigures.Estimate p99 = t.p99LatencyUs();
        return List.of(t.trials().size(),
                rps.hasInterval() ? fixed(rps.ciLow(), 2) : "", rps.hasInterval() ? fixed(rps.ciHigh(), 2) : "",
                p99.hasInterval() ? Math.round(p99.ciLow()) : "", p99.hasInterval() ? Math.round(p99.ciHigh()) : "",
                t.stopReason(), t.measuredMillis(), t.warmupMillis(), t.warmupHitMax());
    }

    /**
     * A row read from any summary.csv as schema 2 columns: a row of a file without the
     * {@code schema_version} column is schema 1 and is mapped (renamed columns, latencies to µs).
     */
    public static Map<String, String> asCurrent(Map<String, String> row) {
        return row.containsKey(SCHEMA_VERSION_COLUMN) ? row : SchemaV1.upgradeCsvRow(row);
    }

    private static String fixed(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
