package io.repram.orchestrate.results;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ndjson stream of {@code --out ndjson=FILE}: one JSON object per interval, written and flushed
 * as the interval ends, so that a crashed run keeps its history and {@code tail -f FILE | jq} works.
 * Field names follow the results' unit rule (see docs/results.md, "Per-interval files").
 */
public final class IntervalLogStream implements Closeable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final BufferedWriter out;

    private IntervalLogStream(BufferedWriter out) {
        this.out = out;
    }

    /** Creates or truncates {@code file}. */
    public static IntervalLogStream open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            return new IntervalLogStream(Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE));
        } catch (IOException e) {
            throw new ResultsException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** @param cellId the cell's id, or a name for a run that has no cells ({@code load}) */
    public synchronized void write(String cellId, int clusterSize, IntervalRecord r) {
        try {
            out.write(JSON.writeValueAsString(line(cellId, clusterSize, r)));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The object of one line; also what the tests and jq see. */
    public static Map<String, Object> line(String cellId, int clusterSize, IntervalRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cell", cellId);
        m.put("cluster_size", clusterSize);
        m.put("warmup", r.warmup());
        m.put("offset_ms", r.offsetMillis());
        m.put("epoch_ms", r.epochMillis());
        m.put("interval_ms", r.intervalMillis());
        m.put("offered_per_sec", r.offeredPerSec());
        m.put("achieved_per_sec", r.achievedPerSec());
        m.put("requests", r.requests());
        m.put("successes", r.successes());
        m.put("failures", r.failures());
        m.put("errors_by_class", r.errorsByClass());
        m.put("put", latency(r.put()));
        m.put("get", latency(r.get()));
        List<Map<String, Object>> nodes = new ArrayList<>();
        for (NodeInterval n : r.nodes()) {
            Map<String, Object> node = new LinkedHashMap<>();
            node.put("index", n.index());
            node.put("node_id", n.nodeId());
            node.put("up", n.up());
            node.put("successes", n.successes() < 0 ? null : n.successes());
            node.put("failures", n.failures() < 0 ? null : n.failures());
            node.put("cpu_percent", finite(n.cpuPercent()));
            node.put("memory_bytes", n.memoryBytes() < 0 ? null : n.memoryBytes());
            node.put("net_rx_bytes_per_sec", finite(n.netRxBytesPerSec()));
            node.put("net_tx_bytes_per_sec", finite(n.netTxBytesPerSec()));
            nodes.add(node);
        }
        m.put("nodes", nodes);
        return m;
    }

    private static Map<String, Object> latency(IntervalLatency l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", l.count());
        m.put("p50_us", l.p50Us());
        m.put("p90_us", l.p90Us());
        m.put("p99_us", l.p99Us());
        m.put("p999_us", l.p999Us());
        m.put("max_us", l.maxUs());
        return m;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
