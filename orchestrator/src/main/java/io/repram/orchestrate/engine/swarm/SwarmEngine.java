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
import io.repram.orchestrate.engine.NodeJarLocation;
import io.repram.orchestrate.engine.NodeProbe;
import io.repram.orchestrate.engine.Placement;
import io.repram.orchestrate.engine.RunningCluster;
import io.repram.orchestrate.engine.FaultAction;
import io.repram.orchestrate.engine.docker.DockerConnection;
import io.repram.orchestrate.engine.docker.DockerSession;
import io.repram.orchestrate.engine.docker.NodeContainerPlan;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
    private final DockerSession session;
    private final Options options;
    private final NodeProbe probe = new NodeProbe();
    private final SwarmTasks tasks;
    private final SwarmFaults faults;
    private final SwarmImages images;
    private final SwarmClusterStarter starter;
    private final List<Placement> placements = new CopyOnWriteArrayList<>();
    private final int swarmNodes;
    private volatile String statsSource = "none sampled yet";
    private volatile String lastImage = io.repram.orchestrate.engine.docker.ImageBuilder.DEFAULT_TAG;

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
        this.session = DockerSession.open(docker, options.progress());
        this.starter = new SwarmClusterStarter(session, probe, tasks, options.progress());
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
        return session.id();
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

    /**
     * Swarm nodes talk over an overlay network between machines, so host networking (each node on
     * this machine's 127.0.0.1) cannot apply, and services have no CPU pinning (no --cpuset-cpus).
     */
    @Override
    public void checkPlacement(ClusterSpec spec) throws EngineException {
        refusePlacement(spec);
    }

    static void refusePlacement(ClusterSpec spec) throws EngineException {
        if (spec.network() == io.repram.orchestrate.engine.NetworkMode.HOST) {
            throw new EngineException("node.network host is refused by --driver swarm: a swarm spreads nodes over"
                    + " machines that reach each other over an overlay network, while host networking puts every"
                    + " node on one machine's 127.0.0.1. Fix: remove node.network, or use --driver docker for one"
                    + " machine.", Reason.BAD_INPUT);
        }
        if (!spec.nodeCpusets().isEmpty()) {
            throw new EngineException("--driver swarm cannot pin nodes to CPUs (node.cpuset, load.isolate): swarm"
                    + " services have no cpuset. Fix: remove them, or use --driver docker on one machine.",
                    Reason.BAD_INPUT);
        }
    }

    @Override
    public RunningCluster start(ClusterSpec spec) throws EngineException {
        checkPlacement(spec);
        List<NodeContainerPlan> plans;
        try {
            plans = NodeContainerPlan.of(spec);
        } catch (IllegalArgumentException e) {
            throw new EngineException(e.getMessage(), Reason.BAD_INPUT, e);
        }
        String image = images.node(spec.image(), options.nodeJar(), session.id());
        lastImage = image;
        String gatewayImage = OrchestratorImage.ensureGateway(docker, options.progress());
        try {
            Cluster started = starter.start(spec, plans, image, gatewayImage, spec.basePort());
            SwarmCluster cluster = new SwarmCluster(session, tasks, faults, probe, started,
                    source -> statsSource(started.id(), source));
            List<Placement> placed = cluster.placement();
            placements.addAll(placed);
            placed.forEach(p -> options.progress().accept("Placement " + cluster.id() + ": " + p.describe()));
            return cluster;
        } catch (EngineException e) {
            session.removeRun(spec.runId());
            throw e;
        } catch (RuntimeException e) {
            session.removeRun(spec.runId());
            throw DockerConnection.failed("Starting swarm cluster " + spec.runId(), e);
        }
    }

    @Override
    public EngineDetails details() {
        return new EngineDetails(placements, statsSource);
    }

    @Override
    public Set<FaultAction> supportedFaults() {
        return EnumSet.copyOf(SwarmFaults.SUPPORTED);
    }

    /** Records where a cluster's stats came from, for run.json, and says so when it changes. */
    private void statsSource(String clusterId, String source) {
        if (!source.equals(statsSource)) options.progress().accept("Stats source " + clusterId + ": " + source);
        statsSource = source;
    }

    @Override
    public Optional<AgentLauncher> agentLauncher() {
        return Optional.of(new SwarmAgentLauncher(docker, tasks, images, session.id(), session.reaped(), options.progress(),
                session::closing));
    }

    /** Removes every service, container and network of this session, then the reaper. Idempotent. */
    @Override
    public void close() {
        session.close();
    }
}
