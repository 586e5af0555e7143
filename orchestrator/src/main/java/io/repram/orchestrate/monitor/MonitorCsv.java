package io.repram.orchestrate.monitor;

import io.repram.orchestrate.engine.NodeStatsSample;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The three CSVs of a monitoring directory. Each interval's rows are formatted first and appended
 * with one write, so an abrupt end can cut at most the last interval. Unknown figures are empty
 * cells; a node that is DOWN, or has no container stats, gets no row for that interval.
 */
final class MonitorCsv {
    static final List<String> CONTAINER_HEADER = List.of("timestamp", "node", "cpu_percent", "memory_usage_mb",
            "memory_percent", "network_rx_mb", "network_tx_mb");
    static final List<String> APP_HEADER = List.of("timestamp", "node", "total_requests", "successful_requests",
            "failed_requests", "storage_items", "storage_bytes", "avg_latency_ms");
    static final List<String> CLUSTER_HEADER = List.of("timestamp", "overall_rps", "cluster_storage_items",
            "cluster_storage_mb", "cluster_health_score");

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();
    private static final double MB = 1024.0 * 1024.0;

    private final Path containerStats;
    private final Path appMetrics;
    private final Path clusterMetrics;

    MonitorCsv(Path dir) {
        containerStats = dir.resolve("container_stats.csv");
        appMetrics = dir.resolve("app_metrics.csv");
        clusterMetrics = dir.resolve("cluster_metrics.csv");
        // The headers go out at once: even a monitor stopped in its first second leaves well-formed files.
        append(containerStats, List.of(CONTAINER_HEADER));
        append(appMetrics, List.of(APP_HEADER));
        append(clusterMetrics, List.of(CLUSTER_HEADER));
    }

    void append(Tick tick) {
        String ts = tick.time().toString();
        List<List<?>> containers = new ArrayList<>();
        List<List<?>> apps = new ArrayList<>();
        for (Tick.NodeTick n : tick.nodes()) {
            if (n.stats() != null) {
                NodeStatsSample s = n.stats().sample();
                containers.add(List.of(ts, n.target().node(), fixed(s.cpuPercent(), 2), fixed(s.memoryBytes() / MB, 2),
                        fixed(s.memoryPercent(), 2), megabytes(s.netRxBytes()), megabytes(s.netTxBytes())));
            }
            if (n.up()) {
                NodeReading r = n.reading();
                apps.add(List.of(ts, n.target().node(), count(r.requests()), count(r.successful()), count(r.failed()),
                        count(r.storageItems()), count(r.storageBytes()), fixed(n.window().latency().averageMillis(), 3)));
            }
        }
        append(containerStats, containers);
        append(appMetrics, apps);
        append(clusterMetrics, List.of(List.of(ts, fixed(tick.cluster().requestsPerSec(), 2), count(tick.storageItems()),
                tick.storageBytes() < 0 ? "" : fixed(tick.storageBytes() / MB, 3), fixed(tick.healthScore(), 3))));
    }

    /** Empty for a counter the driver cannot read (a node on the host's network has no network counters). */
    private static String megabytes(long bytes) {
        return bytes < 0 ? "" : fixed(bytes / MB, 3);
    }

    private static String count(long v) {
        return v < 0 ? "" : Long.toString(v);
    }

    private static String fixed(double v, int decimals) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private static void append(Path file, List<? extends List<?>> rows) {
        if (rows.isEmpty()) return;
        StringWriter text = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(text, FORMAT)) {
            for (List<?> row : rows) csv.printRecord(row);
            csv.flush();
            Files.writeString(file, text.toString(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file + ": " + e.getMessage(), e);
        }
    }
}
