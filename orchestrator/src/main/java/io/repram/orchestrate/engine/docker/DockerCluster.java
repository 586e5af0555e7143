package io.repram.orchestrate.engine.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import io.repram.orchestrate.engine.Cluster;
import io.repram.orchestrate.engine.EngineException;
import io.repram.orchestrate.engine.FaultAction;
import io.repram.orchestrate.engine.NetworkMode;
import io.repram.orchestrate.engine.NodeEndpoint;
import io.repram.orchestrate.engine.NodeStatsSample;
import io.repram.orchestrate.engine.Reason;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/** A cluster of node containers on its own bridge network or the host's, found by the names its plan gave them. */
public final class DockerCluster extends SessionCluster {
    private final AtomicBoolean logsKept = new AtomicBoolean();
    private final NetworkMode network;

    DockerCluster(DockerSession session, Cluster cluster, NetworkMode network) {
        super(session, cluster);
        this.network = network;
    }

    /** How its nodes are networked. */
    public NetworkMode network() {
        return network;
    }

    @Override
    public AutoCloseable stats(Consumer<NodeStatsSample> sink) throws EngineException {
        try {
            return session.track(streams(session.client(), id(), nodes(), sink));
        } catch (RuntimeException e) {
            throw DockerConnection.failed("Starting the stats streams of " + id(), e);
        }
    }

    /** One stats stream per node container of the cluster {@code clusterId}. */
    static StatsStreams streams(DockerClient docker, String clusterId, List<NodeEndpoint> nodes,
                                Consumer<NodeStatsSample> sink) {
        List<String> names = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (NodeEndpoint n : nodes) {
            names.add(NodeContainerPlan.containerName(clusterId, n.index()));
            ids.add(n.nodeId());
        }
        return new StatsStreams(docker, names, ids, sink);
    }

    @Override
    public void fault(int nodeIndex, FaultAction action) throws EngineException {
        DockerClient docker = session.client();
        String container = NodeContainerPlan.containerName(id(), nodeIndex);
        String network = NodeContainerPlan.networkName(id());
        if (this.network == NetworkMode.HOST && (action == FaultAction.DISCONNECT || action == FaultAction.RECONNECT)) {
            throw new EngineException("Fault " + action + " on " + container + ": the node is on the host's network,"
                    + " which it cannot leave. Fix: node.network bridge for network faults", Reason.BAD_INPUT);
        }
        try {
            switch (action) {
                case KILL -> docker.killContainerCmd(container).exec();
                case STOP -> docker.stopContainerCmd(container).withTimeout(2).exec();
                case START -> docker.startContainerCmd(container).exec();
                case RESTART -> docker.restartContainerCmd(container).withTimeout(2).exec();
                case PAUSE -> docker.pauseContainerCmd(container).exec();
                case UNPAUSE -> docker.unpauseContainerCmd(container).exec();
                case DISCONNECT -> docker.disconnectFromNetworkCmd().withNetworkId(network)
                        .withContainerId(container).withForce(true).exec();
                case RECONNECT -> docker.connectToNetworkCmd().withNetworkId(network).withContainerId(container).exec();
            }
        } catch (NotModifiedException alreadyThere) {
            // e.g. START of a running node: the node is in the state the fault asked for
        } catch (NotFoundException e) {
            throw new EngineException("Fault " + action + " on " + container + ": no such container or network"
                    + " (was the cluster stopped?)", Reason.ERROR, e);
        } catch (ConflictException e) {
            throw new EngineException("Fault " + action + " on " + container + " refused by Docker: "
                    + DockerConnection.rootMessage(e) + " (e.g. KILL of a stopped node, PAUSE of a paused one)",
                    Reason.ERROR, e);
        } catch (RuntimeException e) {
            throw DockerConnection.failed("Fault " + action + " on " + container, e);
        }
    }

    @Override
    public String logs(int nodeIndex, int tailLines) {
        return LogText.ofContainer(session.client(), NodeContainerPlan.containerName(id(), nodeIndex), tailLines);
    }

    @Override
    protected void beforeRemoval() {
        // Kept once: a second close would append the notes of containers already gone.
        if (logsKept.compareAndSet(false, true)) NodeLogs.keep(session.client(), id(), cluster().spec());
    }
}
