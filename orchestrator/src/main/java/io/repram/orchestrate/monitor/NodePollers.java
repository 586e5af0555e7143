package io.repram.orchestrate.monitor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Polls every node once a second, each on its own schedule, so a node that hangs (paused, cut off)
 * delays only its own figures and the monitor's clock keeps ticking.
 */
final class NodePollers implements AutoCloseable {
    private static final int MAX_THREADS = 16;

    private final List<MonitorTarget> targets;
    private final NodeReader reader;
    private final Map<Integer, NodeReading> latest = new ConcurrentHashMap<>();
    private final CountDownLatch firstRound;
    private final ScheduledExecutorService pool;

    NodePollers(List<MonitorTarget> targets, NodeReader reader, long periodMillis) {
        this.targets = List.copyOf(targets);
        this.reader = reader;
        this.firstRound = new CountDownLatch(targets.size());
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newScheduledThreadPool(Math.max(1, Math.min(MAX_THREADS, targets.size())), r -> {
            Thread t = new Thread(r, "monitor-poll-" + n.getAndIncrement());
            t.setDaemon(true);
            return t;
        });
        for (MonitorTarget t : this.targets) {
            pool.scheduleWithFixedDelay(() -> poll(t), 0, periodMillis, TimeUnit.MILLISECONDS);
        }
    }

    private void poll(MonitorTarget t) {
        NodeReading r = t.baseUri() == null ? NodeReading.down(System.currentTimeMillis()) : reader.read(t.baseUri());
        boolean first = latest.put(t.index(), r) == null;
        if (first) firstRound.countDown();
    }

    /** Waits until every node was polled once (a node answers or times out), at most {@code millis}. */
    void awaitFirstRound(long millis) throws InterruptedException {
        firstRound.await(millis, TimeUnit.MILLISECONDS);
    }

    /** The latest reading of each node by index; a node not polled yet is DOWN. */
    Map<Integer, NodeReading> latest() {
        Map<Integer, NodeReading> out = new LinkedHashMap<>();
        long now = System.currentTimeMillis();
        for (MonitorTarget t : targets) {
            out.put(t.index(), latest.getOrDefault(t.index(), NodeReading.down(now)));
        }
        return out;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
