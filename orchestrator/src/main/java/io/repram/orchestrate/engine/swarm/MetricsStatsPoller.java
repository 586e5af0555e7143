package io.repram.orchestrate.engine.swarm;

import io.repram.orchestrate.engine.NodeEndpoint;
import io.repram.orchestrate.engine.NodeProbe;
import io.repram.orchestrate.engine.NodeStatsSample;
import io.repram.orchestrate.metrics.PromText;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Stats for nodes whose containers run on other swarm machines, whose Engines we do not reach:
 * each second, the node's own /v1/metrics (process CPU seconds and resident memory, from the JVM
 * metrics every node exports). Network and block I/O are not known this way and stay 0.
 */
final class MetricsStatsPoller implements AutoCloseable {
    private final NodeProbe probe;
    private final List<NodeEndpoint> nodes;
    private final long memoryLimitBytes;
    private final Consumer<NodeStatsSample> sink;
    private final Map<Integer, double[]> lastCpu = new HashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "swarm-metrics-stats");
        t.setDaemon(true);
        return t;
    });

    MetricsStatsPoller(NodeProbe probe, List<NodeEndpoint> nodes, Long memoryLimitBytes, Consumer<NodeStatsSample> sink) {
        this.probe = probe;
        this.nodes = List.copyOf(nodes);
        this.memoryLimitBytes = memoryLimitBytes == null ? 0 : memoryLimitBytes;
        this.sink = sink;
        timer.scheduleAtFixedRate(this::pollAll, 0, 1, TimeUnit.SECONDS);
    }

    private void pollAll() {
        for (NodeEndpoint n : nodes) {
            try {
                sample(n, probe.get(n.baseUri(), "/v1/metrics"), System.nanoTime()).ifPresent(sink);
            } catch (IOException | RuntimeException e) {
                // a node that is down (a fault) has no sample this second
            }
        }
    }

    /** A sample from one scrape; CPU % needs the previous scrape, so the first one gives none. */
    java.util.Optional<NodeStatsSample> sample(NodeEndpoint node, String metricsText, long nowNanos) {
        List<PromText.Sample> metrics = PromText.parse(metricsText);
        double cpuSeconds = PromText.first(metrics, "process_cpu_seconds_total");
        double rss = PromText.first(metrics, "process_resident_memory_bytes");
        double[] prev = lastCpu.put(node.index(), new double[]{cpuSeconds, nowNanos});
        if (prev == null || Double.isNaN(cpuSeconds)) return java.util.Optional.empty();
        double wallSeconds = (nowNanos - prev[1]) / 1e9;
        double cpuPercent = wallSeconds <= 0 ? 0 : Math.max(0, 100.0 * (cpuSeconds - prev[0]) / wallSeconds);
        return java.util.Optional.of(new NodeStatsSample(System.currentTimeMillis(), node.index(), node.nodeId(), cpuPercent,
                Double.isNaN(rss) ? 0 : (long) rss, memoryLimitBytes, NodeStatsSample.UNKNOWN, NodeStatsSample.UNKNOWN,
                NodeStatsSample.UNKNOWN, NodeStatsSample.UNKNOWN));
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
