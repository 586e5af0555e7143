package io.repram.orchestrate.run;

import io.repram.orchestrate.engine.Cluster;
import io.repram.orchestrate.engine.ClusterSpec;
import io.repram.orchestrate.engine.Engine;
import io.repram.orchestrate.engine.EngineException;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A started cluster with what watches it: resource sampling and the status watcher. Closing it
 * stops all three; the runner opens a new one when a fault left the cluster broken.
 */
final class ClusterSession implements AutoCloseable {

    private final Engine engine;
    private final Cluster cluster;
    private final AutoCloseable sampling;
    private final NodeWatcher watcher;
    /** Numbers the convergence probe keys; one sequence per cluster so a key is never reused. */
    private final AtomicLong probeKeys = new AtomicLong();

    private ClusterSession(Engine engine, Cluster cluster, AutoCloseable sampling, NodeWatcher watcher) {
        this.engine = engine;
        this.cluster = cluster;
        this.sampling = sampling;
        this.watcher = watcher;
    }

    static ClusterSession start(Engine engine, ClusterSpec spec, StatsTracker stats) throws EngineException {
        Cluster cluster = engine.start(spec);
        try {
            stats.reset();
            AutoCloseable sampling = engine.sampleStats(cluster, stats);
            return new ClusterSession(engine, cluster, sampling, new NodeWatcher(cluster.nodes()));
        } catch (EngineException | RuntimeException e) {
            engine.stop(cluster);
            throw e;
        }
    }

    Cluster cluster() {
        return cluster;
    }

    NodeWatcher watcher() {
        return watcher;
    }

    AtomicLong probeKeys() {
        return probeKeys;
    }

    /** Stops watching and sampling, then stops the cluster. Never throws. */
    @Override
    public void close() {
        watcher.close();
        try {
            sampling.close();
        } catch (Exception e) {
            // The cluster goes away next anyway; its samples up to here are already recorded.
        }
        engine.stop(cluster);
    }
}
