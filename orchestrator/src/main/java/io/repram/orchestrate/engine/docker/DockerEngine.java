package io.repram.orchestrate.engine.docker;

import io.repram.orchestrate.engine.Reason;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Info;
import io.repram.orchestrate.engine.ClusterSpec;
import io.repram.orchestrate.engine.Engine;
import io.repram.orchestrate.engine.EngineException;
import io.repram.orchestrate.engine.EngineDetails;
import io.repram.orchestrate.engine.EnvironmentInfo;
import io.repram.orchestrate.engine.NetworkMode;
import io.repram.orchestrate.engine.NodeJarLocation;
import io.repram.orchestrate.engine.NodeProbe;
import io.repram.orchestrate.engine.RunningCluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Runs each REPRAM node as a container, on one user-defined bridge network per cluster or on the
 * host's network ({@link NetworkChoice}). Depends only
 * on the node's HTTP API and REPRAM_* env, so any REPRAM-compatible image (the upstream Go node's
 * too) runs unchanged. Everything it creates carries this instance's session label; {@link #close()}
 * removes by that label. It registers no shutdown hook: the caller does.
 */
public final class DockerEngine implements Engine {
    /**
     * @param nodeJar      the node jar used to (re)build {@link ImageBuilder#DEFAULT_TAG} when needed
     * @param strictPorts  the base port was asked for explicitly: a taken port fails instead of
     *                     falling back to a free one
     * @param keepClusters label clusters {@code keep=true} so {@code cluster ls/down} find them
     * @param progress     where progress lines go (image builds, node start-up)
     */
    public record Options(Path nodeJar, boolean strictPorts, boolean keepClusters, Consumer<String> progress) {
        public static Options defaults() {
            return new Options(NodeJarLocation.defaultPath(), false, false, line -> { });
        }
    }

    private final DockerClient docker;
    private final DockerSession session;
    private final Options options;
    private final Set<String> detached = ConcurrentHashMap.newKeySet();
    private final ClusterStarter starter;
    private final DockerPlacements placements = new DockerPlacements();
    private volatile String lastImage = ImageBuilder.DEFAULT_TAG;

    /** Connects to the daemon named by DOCKER_HOST (default unix:///var/run/docker.sock). */
    public DockerEngine(Options options) throws EngineException {
        this(DockerConnection.open(), options);
    }

    /** Opens a {@link DockerSession} on {@code docker}: sweeps dead sessions, starts this one's reaper. */
    DockerEngine(DockerClient docker, Options options) {
        this.docker = docker;
        this.options = options;
        this.session = DockerSession.open(docker, options.progress());
        this.starter = new ClusterStarter(session, new NodeProbe(), options.keepClusters(), options.progress());
    }

    @Override
    public String name() {
        return "docker";
    }

    /** The value of the {@link DockerLabels#SESSION} label on everything this engine creates. */
    public String sessionId() {
        return session.id();
    }

    @Override
    public EnvironmentInfo environment() {
        String version = docker.versionCmd().exec().getVersion();
        Info info = docker.infoCmd().exec();
        String imageId;
        try {
            imageId = docker.inspectImageCmd(lastImage).exec().getId();
        } catch (NotFoundException e) {
            imageId = "missing";
        }
        return new EnvironmentInfo(name(), version, info.getNCPU() == null ? 0 : info.getNCPU(),
                info.getMemTotal() == null ? 0 : info.getMemTotal(), imageId);
    }

    @Override
    public DockerCluster start(ClusterSpec spec) throws EngineException {
        NetworkMode mode = NetworkChoice.resolve(spec.network(), spec.image(), daemonOs());
        List<NodeContainerPlan> plans = mode == NetworkMode.HOST ? null : plans(() -> NodeContainerPlan.of(spec));
        ensureImage(spec.image());
        lastImage = spec.image();
        List<Integer> ports = HostPorts.allocate(spec.basePort(), spec.size(), options.strictPorts(), HostPorts.publishedBy(docker));
        if (plans == null) plans = plans(() -> NodeContainerPlan.onHost(spec, ports));
        try {
            DockerCluster cluster = new DockerCluster(session, starter.start(spec, plans, ports, mode), mode);
            placements.record(spec, mode, cluster.id());
            return cluster;
        } catch (EngineException e) {
            NodeLogs.keep(docker, spec.runId(), spec);
            session.removeRun(spec.runId());
            throw spec.logDir() == null ? e : new EngineException(e.getMessage() + NodeLogs.pointer(spec), e.reason(), e);
        } catch (RuntimeException e) {
            NodeLogs.keep(docker, spec.runId(), spec);
            session.removeRun(spec.runId());
            throw DockerConnection.failed("Starting cluster " + spec.runId(), e);
        }
    }

    private static List<NodeContainerPlan> plans(java.util.function.Supplier<List<NodeContainerPlan>> plan)
            throws EngineException {
        try {
            return plan.get();
        } catch (IllegalArgumentException e) {
            throw new EngineException(e.getMessage(), Reason.BAD_INPUT, e);
        }
    }

    private String daemonOs() {
        return docker.infoCmd().exec().getOperatingSystem();
    }

    /** Refuses host networking where it cannot work, and host networking's env conflicts. */
    @Override
    public void checkPlacement(ClusterSpec spec) throws EngineException {
        try {
            if (NetworkChoice.resolve(spec.network(), spec.image(), daemonOs()) == NetworkMode.HOST) {
                NodeContainerPlan.onHost(spec, java.util.stream.IntStream.range(0, spec.size()).boxed().toList());
            }
        } catch (IllegalArgumentException e) {
            throw new EngineException(e.getMessage(), Reason.BAD_INPUT, e);
        } catch (RuntimeException e) {
            throw DockerConnection.failed("Asking Docker which network to use", e);
        }
    }

    /** Every node's CPUs and network, for run.json. */
    @Override
    public EngineDetails details() {
        return placements.details();
    }

    @Override
    public void checkImage(String image) throws EngineException {
        try {
            ensureImage(image);
        } catch (RuntimeException e) {
            throw DockerConnection.failed("Checking the image " + image, e);
        }
        lastImage = image;
    }

    /** Only a base port asked for explicitly can be taken: otherwise a start falls back to free ports. */
    @Override
    public void checkPorts(int basePort, int clusterSize) throws EngineException {
        if (basePort <= 0 || !options.strictPorts()) return;
        try {
            HostPorts.allocate(basePort, clusterSize, true, HostPorts.publishedBy(docker));
        } catch (RuntimeException e) {
            throw DockerConnection.failed("Checking the ports from " + basePort, e);
        }
    }

    /** Builds {@link ImageBuilder#DEFAULT_TAG} when it is missing or its jar changed; other images must exist. */
    private void ensureImage(String image) throws EngineException {
        boolean ours = ImageBuilder.isDefaultImage(image);
        if (ours && Files.isRegularFile(options.nodeJar())) {
            new ImageBuilder(docker, session.id(), session.reaped(), options.progress()).build(options.nodeJar(), false);
            return;
        }
        try {
            docker.inspectImageCmd(image).exec();
        } catch (NotFoundException e) {
            String fix = ours
                    ? "Fix: build the node jar (mvn -B -pl node -am package -DskipTests) or point --node-jar at it;"
                      + " the image is then built automatically, or by `repram-orchestrate image build`."
                    : "No registry is reachable to pull it. Fix: `docker load -i <image>.tar`, build it locally,"
                      + " or use " + ImageBuilder.DEFAULT_TAG + " (`repram-orchestrate image build`).";
            throw new EngineException("Image " + image + " is not on this Docker Engine"
                    + (ours ? " and the node jar is not at " + options.nodeJar().toAbsolutePath() : "") + ".\n" + fix,
                    Reason.IMAGE_MISSING, e);
        }
    }

    /**
     * Leaves a started cluster running after {@link #close()}: for {@code cluster up}. Combine with
     * {@link Options#keepClusters()} so {@code cluster ls/down} and the sweepers can tell it apart.
     */
    public void detach(RunningCluster cluster) {
        detached.add(cluster.id());
    }

    /**
     * Removes every container and network of this session except detached clusters, then the
     * reaper (after a last sweep by it, which catches objects an in-flight call made meanwhile,
     * unless a detached cluster without {@code keep} must survive). Idempotent.
     */
    @Override
    public void close() {
        session.close(labels -> labels.containsKey(DockerLabels.RUN) && detached.contains(labels.get(DockerLabels.RUN)),
                detached.isEmpty() || options.keepClusters());
    }

    /** The reaper container's id, or null when it could not start. */
    String reaperContainerId() {
        return session.reaperContainerId();
    }

    DockerClient client() {
        return docker;
    }
}
