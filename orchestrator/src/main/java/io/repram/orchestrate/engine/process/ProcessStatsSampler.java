package io.repram.orchestrate.engine.process;

import io.repram.orchestrate.engine.NodeStatsSample;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Samples every node process once a second from /proc, in the same units Docker's stats give:
 * CPU percent where 100 = one core fully busy, resident memory against a limit, cumulative block
 * I/O. Per-process network counters do not exist on Linux (they are per network namespace, and
 * all nodes share the host's), so network bytes are always unknown for this driver.
 */
final class ProcessStatsSampler implements AutoCloseable {
    private final List<NodeProcess> nodes;
    private final ProcFs proc;
    private final long memoryLimitBytes;
    private final Consumer<NodeStatsSample> sink;
    private final ScheduledExecutorService timer;
    /** Last CPU reading per node, keyed by pid so a restarted node starts a fresh baseline. */
    private final Map<Integer, CpuReading> lastCpu = new HashMap<>();

    private record CpuReading(long pid, long ticks, long nanos) {
    }

    ProcessStatsSampler(String clusterId, List<NodeProcess> nodes, ProcFs proc, long memoryLimitBytes,
                        Consumer<NodeStatsSample> sink) {
        this.nodes = List.copyOf(nodes);
        this.proc = proc;
        this.memoryLimitBytes = memoryLimitBytes;
        this.sink = sink;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "process-stats-" + clusterId);
            t.setDaemon(true);
            return t;
        });
    }

    void start() {
        // Baseline first, so the first sample a second later already has a CPU delta.
        for (NodeProcess node : nodes) readCpu(node);
        timer.scheduleAtFixedRate(this::sampleAll, 1, 1, TimeUnit.SECONDS);
    }

    private void sampleAll() {
        long now = System.currentTimeMillis();
        for (NodeProcess node : nodes) {
            try {
                sample(node, now);
            } catch (RuntimeException e) {
                // A node that exits mid-read simply misses this sample; a sink failure must not
                // silently end the schedule either.
                System.err.println("process stats: sample of " + node.endpoint().nodeId() + " failed: " + e);
            }
        }
    }

    private void sample(NodeProcess node, long epochMillis) {
        CpuReading previous = lastCpu.get(node.endpoint().index());
        Optional<CpuReading> current = readCpu(node);
        if (current.isEmpty()) return; // not running: Docker reports nothing for a stopped container either
        long pid = current.get().pid();
        double cpuPercent = 0;
        if (previous != null && previous.pid() == pid) {
            double cpuSeconds = (current.get().ticks() - previous.ticks()) / (double) ProcFs.CLOCK_TICKS_PER_SECOND;
            double wallSeconds = (current.get().nanos() - previous.nanos()) / 1e9;
            if (wallSeconds > 0) cpuPercent = Math.max(0, 100.0 * cpuSeconds / wallSeconds);
        }
        long[] io = proc.blockIoBytes(pid);
        sink.accept(new NodeStatsSample(epochMillis, node.endpoint().index(), node.endpoint().nodeId(),
                cpuPercent, proc.residentBytes(pid), memoryLimitBytes, NodeStatsSample.UNKNOWN, NodeStatsSample.UNKNOWN,
                io[0], io[1]));
    }

    private Optional<CpuReading> readCpu(NodeProcess node) {
        Optional<ProcessHandle> handle = node.handle();
        if (handle.isEmpty()) return Optional.empty();
        long pid = handle.get().pid();
        OptionalLong ticks = proc.cpuTicks(pid);
        if (ticks.isEmpty()) return Optional.empty();
        CpuReading reading = new CpuReading(pid, ticks.getAsLong(), System.nanoTime());
        lastCpu.put(node.endpoint().index(), reading);
        return Optional.of(reading);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
