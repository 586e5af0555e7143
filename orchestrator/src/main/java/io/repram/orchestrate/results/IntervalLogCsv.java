package io.repram.orchestrate.results;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code <cell>_intervals.csv}: one row per measured interval of a cell (see docs/results.md,
 * "Per-interval files"). The error and node columns depend on the cell: one {@code errors_<class>}
 * column per error class the cell saw, one group of {@code node<i>_*} columns per node. Fault
 * events land in the row whose interval contains their offset.
 */
public final class IntervalLogCsv {

    public static final List<String> FIXED_HEADER = List.of("offset_ms", "epoch_ms", "interval_ms",
            "offered_per_sec", "achieved_per_sec", "requests", "successes", "failures",
            "put_count", "put_p50_us", "put_p90_us", "put_p99_us", "put_p999_us", "put_max_us",
            "get_count", "get_p50_us", "get_p90_us", "get_p99_us", "get_p999_us", "get_max_us");
    static final List<String> NODE_COLUMNS = List.of("up", "successes", "failures", "cpu_percent", "memory_bytes",
            "net_rx_bytes_per_sec", "net_tx_bytes_per_sec");

    private IntervalLogCsv() {
    }

    /** {@code <cell>_intervals.csv} in the results directory {@code dir}. */
    public static Path file(Path dir, String cellId) {
        return dir.resolve(cellId + "_intervals.csv");
    }

    /** Writes the measured intervals (warm-up rows are left out) atomically. */
    public static void write(Path file, List<IntervalRecord> intervals, List<FaultEvent> faults) {
        List<IntervalRecord> rows = intervals.stream().filter(r -> !r.warmup()).toList();
        TreeSet<String> classes = new TreeSet<>();
        int nodes = 0;
        for (IntervalRecord r : rows) {
            classes.addAll(r.errorsByClass().keySet());
            nodes = Math.max(nodes, r.nodes().size());
        }
        List<String> header = header(classes, nodes);
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new))
                .setRecordSeparator("\n").get();
        int nodeCount = nodes;
        AtomicFiles.write(file, out -> {
            try (CSVPrinter csv = new CSVPrinter(out, format)) {
                for (int i = 0; i < rows.size(); i++) {
                    csv.printRecord(row(rows.get(i), classes, nodeCount, faultsIn(rows, i, faults)));
                }
            }
        });
    }

    public static List<String> header(java.util.Collection<String> errorClasses, int nodes) {
        List<String> header = new ArrayList<>(FIXED_HEADER);
        for (String c : errorClasses) header.add("errors_" + c);
        for (int n = 0; n < nodes; n++) {
            for (String c : NODE_COLUMNS) header.add("node" + n + "_" + c);
        }
        header.add("faults");
        return header;
    }

    private static List<Object> row(IntervalRecord r, TreeSet<String> classes, int nodes, String faults) {
        List<Object> row = new ArrayList<>(List.of(r.offsetMillis(), r.epochMillis(), r.intervalMillis(),
                decimal(r.offeredPerSec()), decimal(r.achievedPerSec()), r.requests(), r.successes(), r.failures()));
        latency(row, r.put());
        latency(row, r.get());
        Map<String, Long> errors = r.errorsByClass();
        for (String c : classes) row.add(errors.getOrDefault(c, 0L));
        for (int n = 0; n < nodes; n++) {
            if (n >= r.nodes().size()) {
                for (int k = 0; k < NODE_COLUMNS.size(); k++) row.add("");
                continue;
            }
            NodeInterval node = r.nodes().get(n);
            row.add(node.up());
            row.add(known(node.successes()));
            row.add(known(node.failures()));
            row.add(decimal(node.cpuPercent()));
            row.add(known(node.memoryBytes()));
            row.add(decimal(node.netRxBytesPerSec()));
            row.add(decimal(node.netTxBytesPerSec()));
        }
        row.add(faults);
        return row;
    }

    /**
     * The faults whose offset falls in row {@code i}; the first row also takes earlier ones and the
     * last row later ones within its interval, so that a scenario fault is never dropped.
     */
    private static String faultsIn(List<IntervalRecord> rows, int i, List<FaultEvent> faults) {
        IntervalRecord r = rows.get(i);
        List<String> hits = new ArrayList<>();
        for (FaultEvent f : faults) {
            if (!FaultEvent.SCENARIO.equals(f.origin())) continue;
            boolean afterStart = i == 0 || f.offsetMillis() >= r.offsetMillis();
            boolean beforeEnd = i == rows.size() - 1 || f.offsetMillis() < r.endOffsetMillis();
            if (afterStart && beforeEnd) {
                hits.add(f.action() + " node " + f.nodeIndex() + " at " + f.offsetMillis() + " ms" + (f.ok() ? "" : " (failed)"));
            }
        }
        return String.join("; ", hits);
    }

    private static void latency(List<Object> row, IntervalLatency l) {
        row.add(l.count());
        row.add(l.p50Us());
        row.add(l.p90Us());
        row.add(l.p99Us());
        row.add(l.p999Us());
        row.add(l.maxUs());
    }

    private static String known(long value) {
        return value < 0 ? "" : Long.toString(value);
    }

    private static String decimal(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.1f", value);
    }
}
