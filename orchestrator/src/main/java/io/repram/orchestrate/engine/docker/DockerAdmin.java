package io.repram.orchestrate.engine.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerPort;
import com.github.dockerjava.api.model.Info;
import io.repram.orchestrate.engine.CleanupScope;
import io.repram.orchestrate.engine.EngineException;
import io.repram.orchestrate.engine.Leftover;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The Docker side of the housekeeping commands (image build, cluster ls/down, cleanup, doctor),
 * so that no docker-java type reaches the CLI.
 */
public final class DockerAdmin implements AutoCloseable {
    private final DockerClient docker;

    private DockerAdmin(DockerClient docker) {
        this.docker = docker;
    }

    /** @throws EngineException DOCKER_UNAVAILABLE with the fix when the daemon cannot be reached */
    public static DockerAdmin connect() throws EngineException {
        return new DockerAdmin(DockerConnection.open());
    }

    public record DaemonInfo(String version, String apiVersion, int cores, long memoryBytes, String dockerHost) {
    }

    public record ImageInfo(String id, String jarSha256) {
    }

    public record KeptNode(int index, String container, String state, Integer hostPort) {
    }

    public record KeptCluster(String runId, String scenario, List<KeptNode> nodes) {
    }

    public DaemonInfo daemon() {
        var v = docker.versionCmd().exec();
        Info info = docker.infoCmd().exec();
        return new DaemonInfo(v.getVersion(), v.getApiVersion(), info.getNCPU() == null ? 0 : info.getNCPU(),
                info.getMemTotal() == null ? 0 : info.getMemTotal(), System.getenv().getOrDefault("DOCKER_HOST",
                        "unix:///var/run/docker.sock"));
    }

    /**
     * "manager of N swarm node(s)", "swarm worker" (not enough for --driver swarm) or the swarm
     * state ("inactive", ...), for `doctor`.
     */
    public String swarmRole() {
        var swarm = docker.infoCmd().exec().getSwarm();
        if (swarm == null || swarm.getLocalNodeState() == null) return "unknown";
        String state = swarm.getLocalNodeState().name().toLowerCase(java.util.Locale.ROOT);
        if (!"active".equals(state)) return state;
        return Boolean.TRUE.equals(swarm.getControlAvailable())
                ? "manager of " + (swarm.getNodes() == null ? 1 : swarm.getNodes()) + " swarm node(s)" : "swarm worker";
    }

    public Optional<ImageInfo> image(String image) {
        try {
            InspectImageResponse r = docker.inspectImageCmd(image).exec();
            Map<String, String> labels = r.getConfig() == null || r.getConfig().getLabels() == null
                    ? Map.of() : r.getConfig().getLabels();
            return Optional.of(new ImageInfo(r.getId(), labels.get(DockerLabels.JAR_SHA256)));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /** Under a reaper of its own, so a killed build leaves no training container behind. */
    public ImageBuilder.Result buildImage(Path nodeJar, boolean force, Consumer<String> progress) throws EngineException {
        String session = UUID.randomUUID().toString();
        SessionReaper reaper = SessionReaper.startOrWarn(docker, session, progress);
        try {
            return new ImageBuilder(docker, session, reaper != null, progress).build(nodeJar, force);
        } finally {
            if (reaper != null) reaper.close(true);
        }
    }

    /** Host ports that running containers publish (no socket holds them without the userland proxy). */
    public Set<Integer> publishedPorts() {
        return HostPorts.publishedBy(docker);
    }

    /** Clusters made by {@code cluster up}, oldest first. */
    public List<KeptCluster> keptClusters() {
        Map<String, List<Container>> byRun = new LinkedHashMap<>();
        List<Container> containers = new ArrayList<>(new DockerCleanup(docker).containers(List.of(
                DockerLabels.filter(DockerLabels.KEEP, "true"), DockerLabels.filter(DockerLabels.ROLE, DockerLabels.ROLE_NODE))));
        containers.sort(Comparator.comparing(Container::getCreated));
        for (Container c : containers) {
            byRun.computeIfAbsent(c.getLabels().get(DockerLabels.RUN), k -> new ArrayList<>()).add(c);
        }
        List<KeptCluster> clusters = new ArrayList<>();
        byRun.forEach((run, list) -> {
            List<KeptNode> nodes = new ArrayList<>();
            for (Container c : list) {
                Integer port = null;
                if (c.getPorts() != null) {
                    for (ContainerPort p : c.getPorts()) {
                        if (p.getPublicPort() != null) port = p.getPublicPort();
                    }
                }
                String labelled = c.getLabels().get(DockerLabels.HOST_PORT);
                if (port == null && labelled != null && labelled.matches("\\d{1,5}")) port = Integer.parseInt(labelled);
                nodes.add(new KeptNode(Integer.parseInt(c.getLabels().getOrDefault(DockerLabels.NODE_INDEX, "-1")),
                        c.getNames()[0].replaceFirst("^/", ""), c.getState(), port));
            }
            nodes.sort(Comparator.comparingInt(KeptNode::index));
            clusters.add(new KeptCluster(run, list.get(0).getLabels().get(DockerLabels.SCENARIO), nodes));
        });
        return clusters;
    }

    /** Removes one kept cluster (containers and network). */
    public DockerCleanup.Removed removeKept(String runId) {
        return new DockerCleanup(docker).remove(List.of(DockerLabels.filter(DockerLabels.KEEP, "true"),
                DockerLabels.filter(DockerLabels.RUN, runId)), labels -> false);
    }

    /** What {@link #remove(CleanupScope)} would remove: the scope's services, containers and networks. */
    public List<Leftover> leftovers(CleanupScope scope) {
        return new DockerCleanup(docker).find(DockerLabels.filters(scope));
    }

    /** Removes the scope's services, containers and networks; {@link CleanupScope#everything()} is every session's. */
    public DockerCleanup.Removed remove(CleanupScope scope) {
        return new DockerCleanup(docker).remove(DockerLabels.filters(scope), labels -> false);
    }

    @Override
    public void close() {
        DockerConnection.closeQuietly(docker);
    }
}
