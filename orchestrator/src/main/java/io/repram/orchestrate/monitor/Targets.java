package io.repram.orchestrate.monitor;

import io.repram.orchestrate.engine.Reason;
import io.repram.orchestrate.engine.EngineException;
import io.repram.orchestrate.engine.NodeProbe;
import io.repram.orchestrate.engine.docker.DockerAdmin;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Finds the nodes to watch: given by URL, or a cluster found by its Docker labels. */
public final class Targets {

    /** What to watch and how to name it in the dashboard and report. */
    public record Resolved(String description, String clusterId, List<MonitorTarget> nodes) {
        public Resolved {
            nodes = List.copyOf(nodes);
        }
    }

    private Targets() {
    }

    /**
     * Nodes given by {@code --url}, named by the node id their {@code /v1/health} reports
     * (host:port when they do not answer yet).
     */
    public static Resolved fromUrls(List<String> urls, NodeProbe probe) throws MonitorException {
        List<MonitorTarget> nodes = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (String raw : urls) {
            URI uri = parseUrl(raw.strip());
            String hostPort = uri.getHost() + ":" + uri.getPort();
            String name = hostPort;
            try {
                String id = probe.getJson(uri, "/v1/health").path("node_id").asText("");
                if (!id.isBlank()) name = id;
            } catch (IOException | RuntimeException notYet) {
                // a node that is down now may come up later: name it by its address
            }
            if (!names.add(name)) {
                name = name + "@" + hostPort;
                names.add(name);
            }
            nodes.add(new MonitorTarget(nodes.size(), name, uri, uri.toString()));
        }
        if (nodes.isEmpty()) {
            throw new MonitorException("--url names no node. Example: --url http://127.0.0.1:8080,http://127.0.0.1:8081",
                    Reason.BAD_INPUT);
        }
        return new Resolved(nodes.size() + " node(s) by URL", null, nodes);
    }

    static URI parseUrl(String raw) throws MonitorException {
        try {
            URI uri = new URI(raw.contains("://") ? raw : "http://" + raw);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                throw new URISyntaxException(raw, "only http and https are supported");
            }
            if (uri.getHost() == null) throw new URISyntaxException(raw, "no host");
            int port = uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
            return new URI(uri.getScheme(), null, uri.getHost(), port, null, null, null);
        } catch (URISyntaxException e) {
            throw new MonitorException("--url '" + raw + "' is not a node URL (" + e.getReason()
                    + "). Example: --url http://127.0.0.1:8080", Reason.BAD_INPUT);
        }
    }

    /**
     * The cluster made by {@code cluster up} (found by the {@code io.repram.orchestrate.keep} and
     * {@code role=node} labels); {@code clusterId} chooses when there are several.
     */
    public static Resolved fromDocker(String clusterId) throws MonitorException, EngineException {
        List<DockerAdmin.KeptCluster> clusters;
        try (DockerAdmin docker = DockerAdmin.connect()) {
            clusters = docker.keptClusters();
        } catch (EngineException e) {
            throw new EngineException(e.getMessage() + "\nOr watch nodes outside Docker with --url URL[,URL...].",
                    e.reason(), e);
        }
        DockerAdmin.KeptCluster chosen = choose(clusters, clusterId);
        List<MonitorTarget> nodes = new ArrayList<>();
        for (DockerAdmin.KeptNode n : chosen.nodes()) {
            URI uri = n.hostPort() == null ? null : URI.create("http://127.0.0.1:" + n.hostPort());
            nodes.add(new MonitorTarget(n.index(), "node-" + n.index(), uri, n.container()));
        }
        return new Resolved("cluster " + chosen.runId() + " (" + nodes.size() + " node(s), Docker)", chosen.runId(), nodes);
    }

    static DockerAdmin.KeptCluster choose(List<DockerAdmin.KeptCluster> clusters, String clusterId) throws MonitorException {
        if (clusterId != null) {
            return clusters.stream().filter(c -> c.runId().equals(clusterId)).findFirst()
                    .orElseThrow(() -> new MonitorException("No cluster '" + clusterId + "' is running. Running clusters: "
                            + ids(clusters) + ". See them with: repram-orchestrate cluster ls", Reason.BAD_INPUT));
        }
        if (clusters.isEmpty()) {
            throw new MonitorException("No REPRAM cluster found: no container carries the labels"
                    + " io.repram.orchestrate.keep=true and io.repram.orchestrate.role=node (made by `cluster up`)."
                    + "\nFix: start one with `repram-orchestrate cluster up --cluster-size 3` (make docker-compose-cluster),"
                    + " or watch running nodes with --url http://127.0.0.1:8080,http://127.0.0.1:8081",
                    Reason.ERROR);
        }
        if (clusters.size() > 1) {
            throw new MonitorException("Several clusters are running: " + ids(clusters)
                    + ". Choose one with --cluster ID, e.g. --cluster " + clusters.get(0).runId(), Reason.BAD_INPUT);
        }
        return clusters.get(0);
    }

    private static String ids(List<DockerAdmin.KeptCluster> clusters) {
        return clusters.isEmpty() ? "none" : String.join(", ", clusters.stream().map(DockerAdmin.KeptCluster::runId).toList());
    }
}
