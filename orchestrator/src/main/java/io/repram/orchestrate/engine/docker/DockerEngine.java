package io.repram.orchestrate.engine.docker;

import io.repram.orchestrate.engine.Reason;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Info;
import io.repram.orchestrate.engine.Cluster;
import io.repram.orchestrate.engine.ClusterSpec;
import io.repram.orchestrate.engine.Engine;
import io.repram.orchestrate.engine.EngineException;
import io.repram.orchestrate.engine.EnvironmentInfo;
import io.repram.orchestrate.engine.FaultAction;
import io.repram.orchestrate.engine.NodeEndpoint;
import io.repram.orchestrate.engine.NodeJarLocation;
import io.repram.orchestrate.engine.NodeProbe;
import io.repram.orchestrate.engine.NodeStatsSample;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Runs each REPRAM node as a container on one user-defined bridge network per cluster. Depends only
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
    private final Options options;
    private final String sessionId = UUID.randomUUID().toString();
    private final NodeProbe probe = new NodeProbe();
    private final Set<String> runs = ConcurrentHashMap.newKeySet();
    private final Set<String> detached = ConcurrentHashMap.newKeySet();
    private final Set<StatsStreams> statsStreams = ConcurrentHashMap.newKeySet();
    private final ClusterStarter starter;
    private final SessionReaper reaper;
    private volatile String lastImage = ImageBuilder.DEFAULT_TAG;
    private volatile boolean closing;
    private boolean closed;

    /** Connects to the daemon named by DOCKER_HOST (default unix:///var/run/docker.sock). */
    public DockerEngine(Options options) throws EngineException {
        this(DockerConnection.open(), options);
    }

    /**
     * Sweeps sessions whose reaper is gone, then starts this session's reaper. Without a reaper
     * (its image cannot be built) the engine still works, but a SIGKILL would leave containers.
     */
    DockerEngine(DockerClient docker, Options options) {
        this.docker = docker;
        this.options = options;
        SessionSweeper.sweepAndSay(docker, options.progress());
        this.reaper = SessionReaper.startOrWarn(docker, sessionId, options.progress());
        this.starter = new ClusterStarter(docker, probe, sessionId, options.keepClusters(), reaper != null,
                options.progress(), () -> closing);
    }

    @Override
    public String name() {
        return "docker";
    }

    /** The value of the {@link DockerLabels#SESSION} label on everything this engine creates. */
    public String sessionId() {
        return sessionId;
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
    public Cluster start(ClusterSpec spec) throws EngineException {
        List<NodeContainerPlan> plans;
        try {
            plans = NodeContainerPlan.of(spec);
        } catch (IllegalArgumentException e) {
            throw new EngineException(e.getMessage(), Reason.BAD_INPUT, e);
        }
        ensureImage(spec.image());
        lastImage = spec.image();
        List<Integer> ports = HostPorts.allocate(spec.basePort(), spec.size(), options.strictPorts(), HostPorts.publishedBy(docker));
        runs.add(spec.runId());
        try {
            Cluster cluster = starter.start(spec, plans, ports);
            return cluster;
        } catch (EngineException e) {
            removeRun(spec.runId());
            throw e;
        } catch (RuntimeException e) {
            removeRun(spec.runId());
            throw DockerConnection.failed("Starting cluster " + spec.runId(), e);
        }
    }

    /** Builds {@link ImageBuilder#DEFAULT_TAG} when it is missing or its jar changed; other images must exist. */
    private void ensureImage(String image) throws EngineException {
        boolean ours = ImageBuilder.isDefaultImage(image);
        if (ours && Files.isRegularFile(options.nodeJar())) {
            new ImageBuilder(docker, sessionId, reaper != null, options.progress()).build(options.nodeJar(), false);
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


    @Override
    public AutoCloseable sampleStats(Cluster cluster, Consumer<NodeStatsSample> sink) throws EngineException {
        List<String> names = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (NodeEndpoint n : cluster.nodes()) {
            names.add(NodeContainerPlan.containerName(cluster.id(), n.index()));
            ids.add(n.nodeId());
        }
        try {
            StatsStreams streams = new StatsStreams(docker, names, ids, sink);
            statsStreams.add(streams);
            return () -> {
                statsStreams.remove(streams);
                streams.close();
            };
        } catch (RuntimeException e) {
            throw DockerConnection.failed("Starting the stats streams of " + cluster.id(), e);
        }
    }

    @Override
    public void fault(Cluster cluster, int nodeIndex, FaultAction action) throws EngineException {
        String container = NodeContainerPlan.containerName(cluster.id(), nodeIndex);
        String network = NodeContainerPlan.networkName(cluster.id());
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
    public String logs(Cluster cluster, int nodeIndex, int tailLines) {
        return containerLogs(docker, NodeContainerPlan.containerName(cluster.id(), nodeIndex), tailLines);
    }

    static String containerLogs(DockerClient docker, String container, int tailLines) {
        try {
            return docker.logContainerCmd(container).withStdOut(true).withStdErr(true).withTail(tailLines)
                    .exec(new LogText()).await();
        } catch (RuntimeException e) {
            return "(no logs for " + container + ": " + DockerConnection.rootMessage(e) + ")";
        }
    }

    @Override
    public void stop(Cluster cluster) {
        removeRun(cluster.id());
    }

    /**
     * Leaves a started cluster running after {@link #close()}: for {@code cluster up}. Combine with
     * {@link Options#keepClusters()} so {@code cluster ls/down} and the sweepers can tell it apart.
     */
    public void detach(Cluster cluster) {
        detached.add(cluster.id());
        runs.remove(cluster.id());
    }

    private void removeRun(String runId) {
        try {
            new DockerCleanup(docker).remove(
                    List.of(DockerLabels.filter(DockerLabels.SESSION, sessionId), DockerLabels.filter(DockerLabels.RUN, runId)),
                    labels -> false);
        } catch (RuntimeException e) {
            System.err.println("WARN removing cluster " + runId + " failed: " + DockerConnection.rootMessage(e)
                    + "\nFix: `repram-orchestrate cleanup` removes every labelled container and network.");
        }
        runs.remove(runId);
    }

    /**
     * Removes every container and network of this session except detached clusters, then the
     * reaper (after a last sweep by it, which catches objects an in-flight call made meanwhile,
     * unless a detached cluster without {@code keep} must survive). Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        closing = true;
        statsStreams.forEach(StatsStreams::close);
        statsStreams.clear();
        try {
            new DockerCleanup(docker).remove(List.of(DockerLabels.filter(DockerLabels.SESSION, sessionId)),
                    // The reaper goes last, after its own final sweep (below).
                    labels -> DockerLabels.ROLE_REAPER.equals(labels.get(DockerLabels.ROLE))
                            || labels.containsKey(DockerLabels.RUN) && detached.contains(labels.get(DockerLabels.RUN)));
        } catch (RuntimeException e) {
            System.err.println("WARN cleanup of session " + sessionId + " failed: " + DockerConnection.rootMessage(e)
                    + "\nFix: `repram-orchestrate cleanup` removes every labelled container and network.");
        }
        runs.clear();
        if (reaper != null) reaper.close(detached.isEmpty() || options.keepClusters());
        DockerConnection.closeQuietly(docker);
    }

    /** The reaper container's id, or null when it could not start. */
    String reaperContainerId() {
        return reaper == null ? null : reaper.containerId();
    }

    DockerClient client() {
        return docker;
    }

    static Duration remaining(long deadlineNanos) {
        return Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
    }
}
