package io.repram.orchestrate.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Small control-plane calls to a node's HTTP API (health, topology, status, metrics). Not for load:
 * the load generator has its own client.
 */
public final class NodeProbe {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    /** GET a path and return the body, or throw if the status is not 2xx. */
    public String get(URI base, String path) throws IOException {
        HttpRequest req = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(5)).GET().build();
        try {
            HttpResponse<String> resp = http.send(req, HttpResponse.BodyHandlers.ofString());
            if (resp.statusCode() / 100 != 2) {
                throw new IOException("GET " + base.resolve(path) + " answered " + resp.statusCode());
            }
            return resp.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    public JsonNode getJson(URI base, String path) throws IOException {
        return JSON.readTree(get(base, path));
    }

    /** True when {@code /v1/health} answers "healthy". */
    public boolean healthy(URI base) {
        try {
            return "healthy".equals(getJson(base, "/v1/health").path("status").asText());
        } catch (IOException e) {
            return false;
        }
    }

    /** Number of peers in {@code /v1/topology}, or -1 when the node does not answer. */
    public int peerCount(URI base) {
        try {
            return getJson(base, "/v1/topology").path("peers").size();
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * Waits until every node is healthy and sees {@code size-1} peers.
     *
     * @param logs gives a node's log tail for the error message
     * @throws EngineException with {@link Reason#NODE_UNHEALTHY}
     */
    public void awaitClusterReady(List<NodeEndpoint> nodes, Duration timeout, IntFunction<String> logs)
            throws EngineException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int expectedPeers = nodes.size() - 1;
        while (true) {
            String problem = null;
            NodeEndpoint culprit = null;
            for (NodeEndpoint n : nodes) {
                if (!healthy(n.baseUri())) {
                    problem = "does not answer /v1/health";
                } else {
                    int peers = peerCount(n.baseUri());
                    if (peers < expectedPeers) {
                        problem = "sees " + Math.max(peers, 0) + " of " + expectedPeers + " peers in /v1/topology";
                    }
                }
                if (problem != null) {
                    culprit = n;
                    break;
                }
            }
            if (problem == null) return;
            if (System.nanoTime() > deadline) {
                throw new EngineException("Node " + culprit.nodeId() + " (" + culprit.baseUri() + ") " + problem
                        + " after " + timeout.toSeconds() + " s. Its last log lines:\n"
                        + logs.apply(culprit.index())
                        + "\nFix: check the log above; give the nodes more time with --health-timeout,"
                        + " or fewer resources to contend for (a smaller cluster).",
                        Reason.NODE_UNHEALTHY);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EngineException("interrupted while waiting for the cluster", Reason.INTERRUPTED, e);
            }
        }
    }
}
