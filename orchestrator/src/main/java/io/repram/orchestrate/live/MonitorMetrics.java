package io.repram.orchestrate.live;

import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.repram.orchestrate.monitor.MonitorListener;
import io.repram.orchestrate.monitor.Tick;

import java.util.List;

/**
 * {@code monitor --metrics-port}: the monitor's per-second picture as Prometheus gauges (the node's
 * own counters are on each node's /v1/metrics; these add the monitor's view: availability, rates,
 * container resources, health score). Names in docs/prometheus.md.
 */
public final class MonitorMetrics implements MonitorListener {

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final String run;
    private final Gauge upNodes = gauge("repram_monitor_up_nodes", "nodes answering their status endpoint", "run");
    private final Gauge health = gauge("repram_monitor_health_score", "the monitor's health score, 0..100", "run");
    private final Gauge nodeUp = gauge("repram_node_up", "1 when the node answers its status endpoint", "run", "node");
    private final Gauge nodeRate = gauge("repram_node_requests_per_second", "requests the node served per second (window)",
            "run", "node");
    private final Gauge nodeCpu = gauge("repram_node_cpu_percent", "latest sampled CPU use, 100 = one core", "run", "node");
    private final Gauge nodeMemory = gauge("repram_node_memory_bytes", "latest sampled memory use", "run", "node");

    /** @param run the {@code run} label: what is being watched */
    public MonitorMetrics(String run) {
        this.run = run;
    }

    public PrometheusRegistry registry() {
        return registry;
    }

    @Override
    public void second(Tick tick, List<String> events) {
        upNodes.labelValues(run).set(tick.upNodes());
        health.labelValues(run).set(tick.healthScore());
        for (Tick.NodeTick n : tick.nodes()) {
            String node = n.target().node();
            nodeUp.labelValues(run, node).set(n.up() ? 1 : 0);
            if (n.window() != null) nodeRate.labelValues(run, node).set(n.window().requestsPerSec());
            if (n.stats() != null && n.stats().sample() != null) {
                nodeCpu.labelValues(run, node).set(n.stats().sample().cpuPercent());
                nodeMemory.labelValues(run, node).set(n.stats().sample().memoryBytes());
            }
        }
    }

    @Override
    public void row(Tick tick) {
    }

    private Gauge gauge(String name, String help, String... labels) {
        return Gauge.builder().name(name).help(help).labelNames(labels).register(registry);
    }
}
