package io.repram.orchestrate.engine.swarm;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import io.repram.orchestrate.engine.Cluster;
import io.repram.orchestrate.engine.NodeEndpoint;
import io.repram.orchestrate.engine.NodeStatsSample;
import io.repram.orchestrate.engine.docker.NodeContainerPlan;
import io.repram.orchestrate.engine.docker.StatsStreams;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The docker driver's stats streams, on the task containers of a cluster whose tasks all run on
 * this Engine. A START or RESTART fault makes swarm run a fresh task in a new container: every
 * {@value #CHECK_SECONDS} s the task containers are looked up again and the streams follow them.
 */
final class LocalTaskStats implements AutoCloseable {
    static final int CHECK_SECONDS = 2;
    private final DockerClient docker;
    private final SwarmTasks tasks;
    private final Cluster cluster;
    private final Consumer<NodeStatsSample> sink;
    private final List<String> nodeIds = new ArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "swarm-task-stats");
        t.setDaemon(true);
        return t;
    });
    private List<String> containers;
    private StatsStreams streams;
    private boolean closed;

    /** Empty when some task container does not run on this Engine. */
    static Optional<LocalTaskStats> open(DockerClient docker, SwarmTasks tasks, Cluster cluster, Consumer<NodeStatsSample> sink) {
        List<String> ids = lookUp(tasks, cluster);
        return ids == null ? Optional.empty() : Optional.of(new LocalTaskStats(docker, tasks, cluster, sink, ids));
    }

    private LocalTaskStats(DockerClient docker, SwarmTasks tasks, Cluster cluster, Consumer<NodeStatsSample> sink,
                           List<String> containers) {
        this.docker = docker;
        this.tasks = tasks;
        this.cluster = cluster;
        this.sink = sink;
        cluster.nodes().forEach(n -> nodeIds.add(n.nodeId()));
        this.containers = containers;
        this.streams = new StatsStreams(docker, containers, nodeIds, sink);
        timer.scheduleWithFixedDelay(this::follow, CHECK_SECONDS, CHECK_SECONDS, TimeUnit.SECONDS);
    }

    /** The newest task container of every node, or null when one is not on this Engine. */
    private static List<String> lookUp(SwarmTasks tasks, Cluster cluster) {
        List<String> ids = new ArrayList<>();
        for (NodeEndpoint n : cluster.nodes()) {
            Optional<Container> c = tasks.localContainer(NodeContainerPlan.containerName(cluster.id(), n.index()));
            if (c.isEmpty()) return null;
            ids.add(c.get().getId());
        }
        return ids;
    }

    private synchronized void follow() {
        if (closed) return;
        try {
            List<String> now = lookUp(tasks, cluster);
            if (now == null || now.equals(containers)) return;
            streams.close();
            containers = now;
            streams = new StatsStreams(docker, now, nodeIds, sink);
        } catch (RuntimeException e) {
            // the daemon did not answer this time: the next check tries again
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        timer.shutdownNow();
        streams.close();
    }
}
