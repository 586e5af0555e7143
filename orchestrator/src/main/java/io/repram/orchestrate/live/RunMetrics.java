package io.repram.orchestrate.live;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.repram.orchestrate.results.FaultEvent;
import io.repram.orchestrate.results.IntervalLatency;
import io.repram.orchestrate.results.IntervalRecord;
import io.repram.orchestrate.results.NodeInterval;

import java.util.List;
import java.util.Map;

/**
 * The live metrics of a run (or of a {@code load}) in a Prometheus registry, updated once per
 * interval: counters over the measured windows, gauges for the latest interval. Names and labels
 * are listed in docs/prometheus.md. Thread-safe (the client library's metrics are).
 */
public final class RunMetrics {

    private static final String[] CELL = {"run", "cell", "cluster_size"};
    private static final double[] QUANTILES = {0.5, 0.9, 0.99, 0.999, 1.0};

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private volatile String run;
    private final Gauge cellInfo = gauge("repram_current_cell", "1 for the cell that is running now", CELL);
    private final Gauge warmup = gauge("repram_warmup", "1 while the cell warms up (its intervals are not counted)", CELL);
    private final Counter requests = counter("repram_requests", "requests completed in measured windows", CELL);
    private final Counter successes = counter("repram_successes", "2xx responses in measured windows", CELL);
    private final Counter errors = counter("repram_errors", "failed requests in measured windows, by class",
            "run", "cell", "cluster_size", "class");
    private final Gauge offered = gauge("repram_offered_requests_per_second", "offered rate of the latest interval", CELL);
    private final Gauge achieved = gauge("repram_achieved_requests_per_second",
            "successful responses per second in the latest interval", CELL);
    private final Gauge latency = gauge("repram_latency_seconds", "latency quantiles of the latest interval (1 = max)",
            "run", "cell", "cluster_size", "op", "quantile");
    private final Counter nodeRequests = counter("repram_node_requests", "requests the load sent a node (measured)",
            "run", "cell", "cluster_size", "node");
    private final Counter nodeErrors = counter("repram_node_errors", "failed requests to a node (measured)",
            "run", "cell", "cluster_size", "node");
    private final Gauge nodeUp = gauge("repram_node_up", "1 when the node answers its status endpoint",
            "run", "cell", "cluster_size", "node");
    private final Gauge nodeCpu = gauge("repram_node_cpu_percent", "latest sampled CPU use, 100 = one core",
            "run", "cell", "cluster_size", "node");
    private final Gauge nodeMemory = gauge("repram_node_memory_bytes", "latest sampled memory use",
            "run", "cell", "cluster_size", "node");
    private final Gauge nodeAvailability = gauge("repram_node_availability_percent",
            "share of the cell's measured intervals in which the node answered the load",
            "run", "cell", "cluster_size", "node");
    private final Counter faults = counter("repram_faults", "fault actions applied or restored",
            "run", "cell", "cluster_size", "action", "origin", "ok");

    public RunMetrics(String run) {
        this.run = run;
    }

    /** The value of the {@code run} label from now on. */
    public void runStarted(String runId) {
        this.run = runId;
    }

    public PrometheusRegistry registry() {
        return registry;
    }

    /** Marks the running cell; the previous cell's gauges go, its counters stay. */
    public void cellStarted(String cell, int clusterSize) {
        cellInfo.clear();
        for (Gauge g : List.of(offered, achieved, latency, nodeUp, nodeCpu, nodeMemory, nodeAvailability, warmup)) {
            g.clear();
        }
        cellInfo.labelValues(run, cell, Integer.toString(clusterSize)).set(1);
    }

    public void interval(String cell, int clusterSize, IntervalRecord r) {
        String size = Integer.toString(clusterSize);
        warmup.labelValues(run, cell, size).set(r.warmup() ? 1 : 0);
        offered.labelValues(run, cell, size).set(r.offeredPerSec());
        achieved.labelValues(run, cell, size).set(r.achievedPerSec());
        quantiles(cell, size, "put", r.put());
        quantiles(cell, size, "get", r.get());
        for (NodeInterval n : r.nodes()) {
            String node = n.nodeId();
            nodeUp.labelValues(run, cell, size, node).set(n.up() ? 1 : 0);
            if (Double.isFinite(n.cpuPercent())) nodeCpu.labelValues(run, cell, size, node).set(n.cpuPercent());
            if (n.memoryBytes() >= 0) nodeMemory.labelValues(run, cell, size, node).set(n.memoryBytes());
        }
        if (r.warmup()) return;
        requests.labelValues(run, cell, size).inc(r.requests());
        successes.labelValues(run, cell, size).inc(r.successes());
        for (Map.Entry<String, Long> e : r.errorsByClass().entrySet()) {
            errors.labelValues(run, cell, size, e.getKey()).inc(e.getValue());
        }
        for (NodeInterval n : r.nodes()) {
            if (n.successes() < 0) continue;
            nodeRequests.labelValues(run, cell, size, n.nodeId()).inc(n.successes() + Math.max(0, n.failures()));
            nodeErrors.labelValues(run, cell, size, n.nodeId()).inc(Math.max(0, n.failures()));
        }
    }

    /** @param availabilityPercent NaN when unknown */
    public void nodeAvailability(String cell, int clusterSize, String node, double availabilityPercent) {
        if (Double.isFinite(availabilityPercent)) {
            nodeAvailability.labelValues(run, cell, Integer.toString(clusterSize), node).set(availabilityPercent);
        }
    }

    public void faults(String cell, int clusterSize, List<FaultEvent> events) {
        for (FaultEvent f : events) {
            faults.labelValues(run, cell, Integer.toString(clusterSize), f.action(), f.origin(), Boolean.toString(f.ok())).inc();
        }
    }

    private void quantiles(String cell, String size, String op, IntervalLatency l) {
        long[] micros = {l.p50Us(), l.p90Us(), l.p99Us(), l.p999Us(), l.maxUs()};
        for (int i = 0; i < QUANTILES.length; i++) {
            latency.labelValues(run, cell, size, op, Double.toString(QUANTILES[i])).set(micros[i] / 1e6);
        }
    }

    private Gauge gauge(String name, String help, String... labels) {
        return Gauge.builder().name(name).help(help).labelNames(labels).register(registry);
    }

    private Counter counter(String name, String help, String... labels) {
        return Counter.builder().name(name).help(help).labelNames(labels).register(registry);
    }
}
