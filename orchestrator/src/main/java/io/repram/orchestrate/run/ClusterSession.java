package io.repram.orchestrate.run;

import io.repram.orchestrate.engine.AgentEndpoint;
import io.repram.orchestrate.engine.AgentLauncher;
import io.repram.orchestrate.engine.Cluster;
import io.repram.orchestrate.engine.ClusterSpec;
import io.repram.orchestrate.engine.Engine;
import io.repram.orchestrate.engine.EngineException;
import io.repram.orchestrate.engine.RunningCluster;

import io.repram.orchestrate.load.agent.LocalAgentLauncher;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A started cluster with what watches it: resource sampling and the status watcher, and the load
 * agents when the scenario asks for them. Closing it stops all of them; the runner opens a new one
 * when a fault left the cluster broken.
 */
final class ClusterSession implements AutoCloseable {

    private final Engine engine;
    private final RunningCluster running;
    private final Cluster cluster;
    private final AutoCloseable sampling;
    private final NodeWatcher watcher;
    /** Numbers the convergence probe keys; one sequence per cluster so a key is never reused. */
    private final AtomicLong probeKeys = new AtomicLong();
    private AgentLauncher agentLauncher;
    private List<AgentEndpoint> agents = List.of();
    /** Runner thread only. */
    private boolean gentlyStarted;

    private ClusterSession(Engine engine, RunningCluster running, AutoCloseable sampling, NodeWatcher watcher) {
        this.engine = engine;
        this.running = running;
        this.cluster = running.cluster();
        this.sampling = sampling;
        this.watcher = watcher;
    }

    static ClusterSession start(Engine engine, ClusterSpec spec, StatsTracker stats) throws EngineException {
        RunningCluster running = engine.start(spec);
        try {
            stats.reset();
            AutoCloseable sampling = running.stats(stats);
            return new ClusterSession(engine, running, sampling, new NodeWatcher(running.nodes()));
        } catch (EngineException | RuntimeException e) {
            running.close();
            throw e;
        }
    }

    Cluster cluster() {
        return cluster;
    }

    /** The engine's handle: faults, logs. */
    RunningCluster running() {
        return running;
    }

    NodeWatcher watcher() {
        return watcher;
    }

    /**
     * Starts {@code count} load agents next to the cluster: the engine's own way, or as local child
     * processes when the engine has none. They stop with the session.
     */
    void startAgents(int count, Duration timeout, Consumer<String> events) throws EngineException {
        agentLauncher = engine.agentLauncher().orElseGet(LocalAgentLauncher::new);
        events.accept("Starting " + count + " load agent(s) (" + agentLauncher.name() + ")");
        long t0 = System.nanoTime();
        agents = agentLauncher.start(cluster, count, timeout);
        for (AgentEndpoint a : agents) {
            events.accept(String.format(java.util.Locale.ROOT, "Load agent %d (%s) ready: %s, control %s, nodes %s",
                    a.index(), a.id(), a.placement(), a.controlUri(), a.nodeTargets()));
        }
        events.accept(String.format(java.util.Locale.ROOT, "%d load agent(s) ready in %.1f s", agents.size(),
                (System.nanoTime() - t0) / 1e9));
    }

    /** The running load agents; empty when the load is generated in-process. */
    List<AgentEndpoint> agents() {
        return agents;
    }

    /** Whether a warm-up on this cluster has already begun with {@link GentleStart}. */
    boolean gentlyStarted() {
        return gentlyStarted;
    }

    void markGentlyStarted() {
        gentlyStarted = true;
    }

    AtomicLong probeKeys() {
        return probeKeys;
    }

    /** Stops watching and sampling, then stops the cluster. Never throws. */
    @Override
    public void close() {
        if (agentLauncher != null) agentLauncher.close();
        watcher.close();
        try {
            sampling.close();
        } catch (Exception e) {
            // The cluster goes away next anyway; its samples up to here are already recorded.
        }
        running.close();
    }
}
