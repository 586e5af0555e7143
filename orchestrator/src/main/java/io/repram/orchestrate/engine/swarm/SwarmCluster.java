package io.repram.orchestrate.engine.swarm;

import io.repram.orchestrate.engine.Cluster;
import io.repram.orchestrate.engine.EngineException;
import io.repram.orchestrate.engine.FaultAction;
import io.repram.orchestrate.engine.NodeEndpoint;
import io.repram.orchestrate.engine.NodeProbe;
import io.repram.orchestrate.engine.NodeStatsSample;
import io.repram.orchestrate.engine.Placement;
import io.repram.orchestrate.engine.docker.DockerConnection;
import io.repram.orchestrate.engine.docker.DockerSession;
import io.repram.orchestrate.engine.docker.NodeContainerPlan;
import io.repram.orchestrate.engine.docker.SessionCluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** A cluster of one swarm service per node, reached through its gateway's loopback ports. */
final class SwarmCluster extends SessionCluster {
    private final SwarmTasks tasks;
    private final SwarmFaults faults;
    private final NodeProbe probe;
    private final Consumer<String> statsSource;

    /** @param statsSource told where each stats handle reads from, for run.json */
    SwarmCluster(DockerSession session, SwarmTasks tasks, SwarmFaults faults, NodeProbe probe, Cluster cluster,
                 Consumer<String> statsSource) {
        super(session, cluster);
        this.tasks = tasks;
        this.faults = faults;
        this.probe = probe;
        this.statsSource = statsSource;
    }

    /**
     * Docker's own stats stream when every task container runs on this Engine; otherwise the nodes'
     * /v1/metrics through the gateway (other machines' Engines are not reachable from here).
     */
    @Override
    public AutoCloseable stats(Consumer<NodeStatsSample> sink) throws EngineException {
        try {
            Optional<LocalTaskStats> local = LocalTaskStats.open(session.client(), tasks, cluster(), sink);
            if (local.isPresent()) {
                statsSource.accept("docker stats (every task container runs on the manager's Engine)");
                return session.track(local.get());
            }
            statsSource.accept("/v1/metrics polling (some task containers run on other swarm nodes, whose Engines are not"
                    + " reachable from here); network and block I/O are not sampled");
            return session.track(new MetricsStatsPoller(probe, nodes(), cluster().spec().memoryBytes(), sink));
        } catch (RuntimeException e) {
            throw DockerConnection.failed("Starting the stats of " + id(), e);
        }
    }

    @Override
    public void fault(int nodeIndex, FaultAction action) throws EngineException {
        faults.apply(NodeContainerPlan.containerName(id(), nodeIndex), action);
    }

    @Override
    public String logs(int nodeIndex, int tailLines) {
        return tasks.logs(NodeContainerPlan.containerName(id(), nodeIndex), tailLines);
    }

    @Override
    public List<Placement> placement() {
        List<Placement> out = new ArrayList<>();
        for (NodeEndpoint n : nodes()) {
            out.add(tasks.placement(id(), size(), n.index(), NodeContainerPlan.containerName(id(), n.index())));
        }
        return out;
    }
}
