package io.repram.orchestrate.engine.swarm;

import io.repram.orchestrate.engine.Reason;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.LocalNodeState;
import io.repram.orchestrate.engine.AgentLauncher;
import io.repram.orchestrate.engine.Cluster;
import io.repram.orchestrate.engine.ClusterSpec;
import io.repram.orchestrate.engine.Engine;
import io.repram.orchestrate.engine.EngineDetails;
import io.repram.orchestrate.engine.EngineException;
import io.repram.orchestrate.engine.EnvironmentInfo;
import io.repram.orchestrate.engine.FaultAction;
import io.repram.orchestrate.engine.NodeEndpoint;
import io.repram.orchestrate.engine.NodeJarLocation;
import io.repram.orchestrate.engine.NodeProbe;
import io.repram.orchestrate.engine.NodeStatsSample;
import io.repram.orchestrate.engine.Placement;
import io.repram.orchestrate.engine.docker.DockerCleanup;
import io.repram.orchestrate.engine.docker.DockerConnection;
import io.repram.orchestrate.engine.docker.DockerLabels;
import io.repram.orchestrate.engine.docker.NodeContainerPlan;
import io.repram.orchestrate.engine.docker.SessionReaper;
import io.repram.orchestrate.engine.docker.SessionSweeper;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Runs each REPRAM node as its own swarm service (replicas 1, DNS round robin, no restarts) on one
 * attachable overlay network per cluster, reached from here through a gateway container that
 * publishes one 127.0.0.1 port per node. Labels, the session reaper and the start-up sweep are the
 * docker driver's, extended to services, so a killed orchestrator leaves nothing behind either.
 */
public final class SwarmEngine implements Engine {

    /**
     * @param registry "HOST[:PORT]/PREFIX" to push the images to, or null (single-node swarm)
     */
    public record Options(Path nodeJar, String registry, Consumer<String> progress) {
        public static Options defaults() {
            return new Options(NodeJarLocation.defaultPath(), null, line -> { });
        }
    }

    private final DockerClient docker;
    private final Options options;
    private final String sessionId = UUID.randomUUID().toString();
    private final NodeProbe probe = new NodeProbe();
    private final SwarmTasks tasks;
    private final SwarmFaults faults;
    private final SwarmImages images;
    private final SessionReaper reaper;
    private final SwarmClusterStarter starter;
    private final List<Placement> placements = new CopyOnWriteArrayList<>();
    private final Set<AutoCloseable> statsHandles = ConcurrentHashMap.newKeySet();
    private final int swarmNodes;
    private volatile String statsSource = "none sampled yet";
    private volatile String lastImage = io.repram.orchestrate.engine.docker.ImageBuilder.DEFAULT_TAG;
    private volatile boolean closing;
    private boolean closed;

    /** Connects to DOCKER_HOST and checks it is a swarm manager. */
    public SwarmEngine(Options options) throws EngineException {
        this(DockerConnection.open(), options);
    }

    SwarmEngine(DockerClient docker, Options options) throws EngineException {
        this.docker = docker;
        this.options = options;
        try {
            this.swarmNodes = requireManager(docker);
        } catch (EngineException e) {
            DockerConnection.closeQuietly(docker);
            throw e;
        }
        this.tasks = new SwarmTasks(docker);
        this.faults = new SwarmFaults(docker, tasks);
        this.images = new SwarmImages(docker, options.registry(), options.progress());
        if (swarmNodes > 1 && !images.hasRegistry()) {
            options.progress().accept("WARN this swarm has " + swarmNodes + " nodes and no --registry was given: the node"
                    + " image must already exist on every swarm node, or tasks placed there fail with \"No such image\".");
        }
        SessionSweeper.sweepAndSay(docker, options.progress());
        this.reaper = SessionReaper.startOrWarn(docker, sessionId, options.progress());
        this.starter = new SwarmClusterStarter(docker, probe, tasks, sessionId, reaper != null, options.progress(),
                () -> closing);
    }

    /**
     * @return the number of swarm nodes
     * @throws EngineException {@link Reason#DAEMON_UNAVAILABLE} when the Engine is no swarm manager
     */
    static int requireManager(DockerClient docker) throws EngineException {
        Info info = docker.infoCmd().exec();
        var swarm = info.getSwarm();
        boolean manager = swarm != null && swarm.getLocalNodeState() == LocalNodeState.ACTIVE
                && Boolean.TRUE.equals(swarm.getControlAvailable());
        if (!manager) {
            throw new EngineException("This Docker Engine is not a swarm manager (swarm state: "
                    + (swarm == null || swarm.getLocalNodeState() == null ? "unknown" : swarm.getLocalNodeState().name().toLowerCase())
                    + ").\nFix: run `docker swarm init --advertise-addr 127.0.0.1` (a one-machine swarm), or point DOCKER_HOST"
                    + " at a manager of your swarm; or use --driver docker.", Reason.DAEMON_UNAVAILABLE);
        }
        return swarm.getNodes() == null ? 1 : swarm.getNodes();
    }

    @Override
    public String name() {
        return "swarm";
    }

    public String sessionId() {
        return sessionId;
    }

    @Override
    public EnvironmentInfo environment() {
        Info info = docker.infoCmd().exec();
        String imageId;
        try {
            imageId = docker.inspectImageCmd(lastImage).exec().getId();
        } catch (RuntimeException e) {
            imageId = lastImage;
        }
        return new EnvironmentInfo(name(), docker.versionCmd().exec().getVersion() + " (swarm, " + swarmNodes + " node(s))",
                info.getNCPU() == null ? 0 : info.getNCPU(), info.getMemTotal() == null ? 0 : info.getMemTotal(), imageId);
    }

    @Override
    public Cluster start(ClusterSpec spec) throws EngineException {
        List<NodeContainerPlan> plans;
        try {
            plans = NodeContainerPlan.of(spec);
        } catch (IllegalArgumentException e) {
            throw new EngineException(e.getMessage(), Reason.BAD_INPUT, e);
        }
        String image = images.node(spec.image(), options.nodeJar(), sessionId);
        lastImage = image;
        String gatewayImage = OrchestratorImage.ensureGateway(docker, options.progress());
        try {
            Cluster cluster = starter.start(spec, plans, image, gatewayImage, spec.basePort());
            List<Placement> placed = placement(cluster);
            placements.addAll(placed);
            placed.forEach(p -> options.progress().accept("Placement " + cluster.id() + ": " + p.describe()));
            return cluster;
        } catch (EngineException e) {
            removeRun(spec.runId());
            throw e;
        } catch (RuntimeException e) {
            removeRun(spec.runId());
            throw DockerConnection.failed("Starting swarm cluster " + spec.runId(), e);
        }
    }

    @Override
    public List<Placement> placement(Cluster cluster) {
        List<Placement> out = new ArrayList<>();
        for (NodeEndpoint n : cluster.nodes()) {
            out.add(tasks.placement(cluster.id(), cluster.size(), n.index(), NodeContainerPlan.containerName(cluster.id(), n.index())));
        }
        return out;
    }

    @Override
    public EngineDetails details() {
        return new EngineDetails(placements, statsSource);
    }

    @Override
    public Set<FaultAction> supportedFaults() {
        return EnumSet.copyOf(SwarmFaults.SUPPORTED);
    }

    /**
     * Docker's own stats stream when every task container runs on this Engine; otherwise the nodes'
     * /v1/metrics through the gateway (other machines' Engines are not reachable from here).
     */
    @Override
    public AutoCloseable sampleStats(Cluster cluster, Consumer<NodeStatsSample> sink) throws EngineException {
        try {
            Optional<LocalTaskStats> local = LocalTaskStats.open(docker, tasks, cluster, sink);
            AutoCloseable handle;
            String source;
            if (local.isPresent()) {
                handle = local.get();
                source = "docker stats (every task container runs on the manager's Engine)";
            } else {
                handle = new MetricsStatsPoller(probe, cluster.nodes(), cluster.spec().memoryBytes(), sink);
                source = "/v1/metrics polling (some task containers run on other swarm nodes, whose Engines are not"
                        + " reachable from here); network and block I/O are not sampled";
            }
            if (!source.equals(statsSource)) options.progress().accept("Stats source " + cluster.id() + ": " + source);
            statsSource = source;
            statsHandles.add(handle);
            return () -> {
                statsHandles.remove(handle);
                handle.close();
            };
        } catch (RuntimeException e) {
            throw DockerConnection.failed("Starting the stats of " + cluster.id(), e);
        }
    }

    @Override
    public void fault(Cluster cluster, int nodeIndex, FaultAction action) throws EngineException {
        faults.apply(NodeContainerPlan.containerName(cluster.id(), nodeIndex), action);
    }

    @Override
    public String logs(Cluster cluster, int nodeIndex, int tailLines) {
        return tasks.logs(NodeContainerPlan.containerName(cluster.id(), nodeIndex), tailLines);
    }

    @Override
    public Optional<AgentLauncher> agentLauncher() {
        return Optional.of(new SwarmAgentLauncher(docker, tasks, images, sessionId, reaper != null, options.progress(),
                () -> closing));
    }

    @Override
    public void stop(Cluster cluster) {
        removeRun(cluster.id());
    }

    private void removeRun(String runId) {
        try {
            new DockerCleanup(docker).remove(List.of(DockerLabels.filter(DockerLabels.SESSION, sessionId),
                    DockerLabels.filter(DockerLabels.RUN, runId)), labels -> false);
        } catch (RuntimeException e) {
            System.err.println("WARN removing swarm cluster " + runId + " failed: " + DockerConnection.rootMessage(e)
                    + "\nFix: `repram-orchestrate cleanup` removes every labelled service, container and network.");
        }
    }

    /** Removes every service, container and network of this session, then the reaper. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        closing = true;
        for (AutoCloseable h : statsHandles) {
            try {
                h.close();
            } catch (Exception ignored) {
                // a stats handle that fails to close holds nothing we still need
            }
        }
        statsHandles.clear();
        try {
            new DockerCleanup(docker).remove(List.of(DockerLabels.filter(DockerLabels.SESSION, sessionId)),
                    labels -> DockerLabels.ROLE_REAPER.equals(labels.get(DockerLabels.ROLE)));
        } catch (RuntimeException e) {
            System.err.println("WARN cleanup of session " + sessionId + " failed: " + DockerConnection.rootMessage(e)
                    + "\nFix: `repram-orchestrate cleanup` removes every labelled service, container and network.");
        }
        if (reaper != null) reaper.close(true);
        DockerConnection.closeQuietly(docker);
    }
}
