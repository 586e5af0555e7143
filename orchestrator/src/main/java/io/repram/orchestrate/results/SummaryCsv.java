package io.repram.orchestrate.results;

import io.repram.orchestrate.results.AuditFigures;
import io.repram.orchestrate.results.CellResult;
import io.repram.orchestrate.results.ConvergenceFigures;
import io.repram.orchestrate.results.FaultEvent;
import io.repram.orchestrate.results.LatencySummary;
import io.repram.orchestrate.results.LoadFigures;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code summary.csv}: one row per finished cell in run order. The first six columns are exactly
 * the old framework's, so existing spreadsheets and scripts keep working.
 */
public final class SummaryCsv {

    public static final List<String> HEADER = List.of(
            "cluster_size", "concurrency", "data_size", "requests_per_sec", "success_rate", "avg_latency_ns",
            "p50_ns", "p90_ns", "p99_ns", "p999_ns", "max_ns", "error_count", "put_per_sec", "get_per_sec",
            "peak_cpu_percent", "peak_memory_mb", "status", "faults", "lost_writes", "corrupt_reads",
            "convergence_p50_ms", "convergence_p99_ms", "convergence_max_ms", "convergence_timeouts",
            "missing_replicas", "worst_node", "worst_node_availability_percent");

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
        return List.of(
                r.cell().clusterSize(),
                r.cell().concurrency(),
                r.cell().payloadBytes(),
                fixed(load.requestsPerSec(), 2),
                fixed(load.successRate(), 3),
                Math.round(all.meanNanos()),
                all.p50Nanos(),
                all.p90Nanos(),
                all.p99Nanos(),
                all.p999Nanos(),
                all.maxNanos(),
                load.failures(),
                fixed(load.putsPerSec(), 2),
                fixed(load.getsPerSec(), 2),
                fixed(r.peakCpuPercent(), 1),
                fixed(r.peakMemoryBytes() / (1024.0 * 1024.0), 1),
                r.status(),
                r.faults().stream().filter(f -> FaultEvent.SCENARIO.equals(f.origin())).count(),
                audit == null ? "" : audit.lostWrites(),
                audit == null ? "" : audit.corruptReads(),
                conv == null ? "" : fixed(conv.p50Millis(), 3),
                conv == null ? "" : fixed(conv.p99Millis(), 3),
                conv == null ? "" : fixed(conv.maxMillis(), 3),
                conv == null ? "" : conv.timeouts(),
                audit == null || audit.missingReplicas().isEmpty() ? "" : audit.missingReplicasTotal(),
                load.worstNode().map(n -> (Object) n.node()).orElse(""),
                load.worstNode().map(n -> (Object) fixed(n.availabilityPercent(), 1)).orElse(""));
    }

    private static String fixed(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
