package io.repram.orchestrate.run;

import io.repram.orchestrate.engine.NodeEndpoint;
import io.repram.orchestrate.engine.NodeProbe;
import io.repram.orchestrate.load.GeneratorCpu;
import io.repram.orchestrate.metrics.GcPauses;
import io.repram.orchestrate.results.AgentShare;
import io.repram.orchestrate.results.LimitEvidence;
import io.repram.orchestrate.results.LoadFigures;
import io.repram.orchestrate.results.NodeFigures;
import org.HdrHistogram.Histogram;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;

/**
 * Gathers one cell's {@link LimitEvidence} over its measured window: the machine's CPU from
 * /proc/stat, this JVM's CPU, the generator's send slip, and each node's GC pause time from its
 * /v1/metrics at both ends. Node scrapes run off the load's reporting thread, so a paused node
 * cannot hold up the figures. Use: {@link #open()} when the measured window starts, {@link #slip}
 * per measured interval, {@link #close()} when the load ends, then {@link #evidence} for
 * {@link io.repram.orchestrate.analysis.LimitAttribution#judge}.
 */
public final class LimitProbe {
    private final List<NodeEndpoint> nodes;
    private final NodeProbe probe;
    private final Path procStat;
    private final Histogram slip = new Histogram(1_000, 600_000_000_000L, 3);
    private HostCpu hostStart;
    private HostCpu hostEnd;
    private long processCpuStart = -1;
    private long processCpuEnd = -1;
    private long startNanos;
    private long endNanos;
    private CompletableFuture<double[]> gcStart = CompletableFuture.completedFuture(null);
    private CompletableFuture<double[]> gcEnd = CompletableFuture.completedFuture(null);

    public LimitProbe(List<NodeEndpoint> nodes, NodeProbe probe) {
        this(nodes, probe, HostCpu.PROC_STAT);
    }

    LimitProbe(List<NodeEndpoint> nodes, NodeProbe probe, Path procStat) {
        this.nodes = List.copyOf(nodes);
        this.probe = probe;
        this.procStat = procStat;
    }

    public void open() {
        startNanos = System.nanoTime();
        hostStart = HostCpu.read(procStat);
        processCpuStart = processCpuNanos();
        gcStart = CompletableFuture.supplyAsync(this::gcSeconds);
    }

    /** One measured interval's send slips (nanoseconds); the histogram is read during the call only. */
    public void slip(Histogram interval) {
        if (interval != null) slip.add(interval);
    }

    public void close() {
        if (hostStart == null && processCpuStart < 0 && startNanos == 0) return;
        endNanos = System.nanoTime();
        hostEnd = HostCpu.read(procStat);
        processCpuEnd = processCpuNanos();
        gcEnd = CompletableFuture.supplyAsync(this::gcSeconds);
    }

    /**
     * @param generator the in-process generator's thread CPU, or null with distributed agents
     * @param nodeCpus  the scenario's node.cpus, or null
     * @param offered   the open-loop rate, or null for a closed loop
     */
    public LimitEvidence evidence(LoadFigures f, List<AgentShare> agents, GeneratorCpu generator,
                           StatsTracker.NodeThrottling throttling, Double nodeCpus, Integer offered) {
        double window = endNanos > startNanos ? (endNanos - startNanos) / 1e9 : f.elapsedSeconds();
        Double host = hostEnd == null ? null : hostEnd.busyPercentSince(hostStart);
        Double process = processCpuStart < 0 || processCpuEnd < 0 || window <= 0 ? null
                : 100.0 * (processCpuEnd - processCpuStart) / (window * 1e9);
        Long slipP99 = null;
        Long slipMax = null;
        if (slip.getTotalCount() > 0) {
            slipP99 = slip.getValueAtPercentile(99) / 1000;
            slipMax = slip.getMaxValue() / 1000;
        }
        List<AgentShare> saturated = agents.stream().filter(AgentShare::saturated).toList();
        if (!agents.isEmpty()) {
            slipP99 = agents.stream().mapToLong(AgentShare::p99SendSlipMicros).max().orElse(0);
            slipMax = agents.stream().mapToLong(AgentShare::maxSendSlipMicros).max().orElse(0);
        }
        double[] gc = gcDelta(window);
        NodeFigures worst = f.worstNode().orElse(null);
        return new LimitEvidence(window, host, hostEnd == null ? 0 : hostEnd.cores(),
                generator == null ? 0 : generator.threads(), generator == null ? null : generator.percentOfShare(),
                process, offered == null ? null : offered.doubleValue(), slipP99, slipMax, saturated.size(),
                saturated.isEmpty() ? null : saturated.get(0).saturationReason(), nodeCpus,
                throttling == null ? null : throttling.throttledPercent(),
                throttling == null ? null : throttling.throttledNanos() / 1000,
                throttling == null ? null : throttling.node(),
                gc == null ? null : gc[1], gc == null ? null : (long) (gc[2] * 1e6), gc == null ? null : (int) gc[0],
                100 - (f.requests() == 0 ? 100 : f.successRate()), worst == null ? null : worst.node(),
                worst == null ? null : worst.availabilityPercent(),
                worst == null || worst.attempts() == 0 ? null : 100.0 * worst.failures() / worst.attempts(),
                worst == null ? null : worst.longestOutageSeconds(),
                f.requestsPerSec(), f.all().p99Nanos() / 1000,
                null, null, null);
    }

    /** {node, % of window, seconds} of the node with most pause time; null when no node exposed the metric at both ends. */
    private double[] gcDelta(double window) {
        double[] before = gcStart.join();
        double[] after = gcEnd.join();
        if (before == null || after == null || window <= 0) return null;
        double[] most = null;
        for (int i = 0; i < nodes.size(); i++) {
            if (Double.isNaN(before[i]) || Double.isNaN(after[i])) continue;
            double seconds = Math.max(0, after[i] - before[i]);
            if (most == null || seconds > most[2]) most = new double[]{nodes.get(i).index(), 100 * seconds / window, seconds};
        }
        return most;
    }

    /** Per node, its pause seconds so far; NaN where it did not answer or has no GC metric. */
    private double[] gcSeconds() {
        double[] out = new double[nodes.size()];
        for (int i = 0; i < nodes.size(); i++) {
            try {
                OptionalDouble s = GcPauses.seconds(probe.get(nodes.get(i).baseUri(), "/v1/metrics"));
                out[i] = s.isPresent() ? s.getAsDouble() : Double.NaN;
            } catch (Exception e) {
                // A node down or paused by a fault: its pauses are unknown, not zero.
                out[i] = Double.NaN;
            }
        }
        return out;
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }
}
