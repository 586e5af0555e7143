package io.repram.orchestrate.engine.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Statistics;
import io.repram.orchestrate.engine.NodeStatsSample;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One Engine API stats stream per container; the daemon pushes a frame about once a second, each
 * carrying the previous frame's CPU counters so CPU % needs no state here. A stream ends when its
 * container stops (a KILL or STOP fault); it is re-opened every second until the handle is closed,
 * so a node that comes back is sampled again. No sample reaches the sink once {@link #close} returned.
 */
public final class StatsStreams implements AutoCloseable {
    private final DockerClient docker;
    private final Consumer<NodeStatsSample> sink;
    private final Map<Integer, Closeable> streams = new ConcurrentHashMap<>();
    private final ScheduledExecutorService reopen = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "docker-stats-reopen");
        t.setDaemon(true);
        return t;
    });
    private final Object delivering = new Object();
    private volatile boolean closed;

    /** Starts a stream for each container name; the index in the list is the node index. */
    public StatsStreams(DockerClient docker, List<String> containerNames, List<String> nodeIds, Consumer<NodeStatsSample> sink) {
        this.docker = docker;
        this.sink = sink;
        for (int i = 0; i < containerNames.size(); i++) {
            open(i, containerNames.get(i), nodeIds.get(i));
        }
    }

    private void open(int index, String container, String nodeId) {
        if (closed) return;
        ResultCallback.Adapter<Statistics> callback = new ResultCallback.Adapter<>() {
            private final AtomicBoolean ended = new AtomicBoolean();

            @Override
            public void onNext(Statistics stats) {
                // A frame read at time zero is the daemon's filler for a container that is not running.
                if (stats == null || stats.getCpuStats() == null
                        || stats.getRead() == null || stats.getRead().startsWith("0001-")) return;
                synchronized (delivering) {
                    if (closed) return;
                    sink.accept(ContainerStats.toSample(System.currentTimeMillis(), index, nodeId, stats));
                }
            }

            @Override
            public void onError(Throwable t) {
                // A stopped or removed container ends its stream with an error: try again later.
                onComplete();
            }

            @Override
            public void onComplete() {
                if (!ended.compareAndSet(false, true)) return;
                closeQuietly(this);
                scheduleReopen(index, container, nodeId);
            }
        };
        try {
            streams.put(index, docker.statsCmd(container).withNoStream(false).exec(callback));
        } catch (RuntimeException e) {
            scheduleReopen(index, container, nodeId);
        }
    }

    private void scheduleReopen(int index, String container, String nodeId) {
        if (closed) return;
        try {
            reopen.schedule(() -> open(index, container, nodeId), 1, TimeUnit.SECONDS);
        } catch (RuntimeException rejected) {
            // closing: nothing to re-open
        }
    }

    @Override
    public void close() {
        // Under the lock: once close returns, no frame still in flight reaches the sink.
        synchronized (delivering) {
            closed = true;
        }
        reopen.shutdownNow();
        streams.values().forEach(StatsStreams::closeQuietly);
        streams.clear();
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException | RuntimeException ignored) {
            // a stream that is already gone is closed enough
        }
    }
}
