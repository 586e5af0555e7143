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
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * Small control-plane calls to a node's HTTP API (health, topology, status, metrics). Not for load:
 * the load generator has its own client.
 */
public final class NodeProbe {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Readiness READY = Readiness.every(Duration.ofMillis(100), "the cluster");
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
        return health(base).healthy();
    }

    /** What {@code /v1/health} answers: healthy, silent, or a status or body worth naming. */
    public HealthAnswer health(URI base) {
        HttpRequest req = HttpRequest.newBuilder(base.resolve("/v1/health")).timeout(Duration.ofSeconds(5)).GET().build();
        try {
            HttpResponse<String> resp = http.send(req, HttpResponse.BodyHandlers.ofString());
            if (resp.statusCode() / 100 != 2) return HealthAnswer.status(resp.statusCode());
            String status = JSON.readTree(resp.body()).path("status").asText();
            return "healthy".equals(status) ? HealthAnswer.HEALTHY : HealthAnswer.body(status);
        } catch (IOException e) {
            return HealthAnswer.SILENT;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HealthAnswer.SILENT;
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
        int expectedPeers = nodes.size() - 1;
        NodeEndpoint[] culprit = new NodeEndpoint[1];
        HealthAnswer[] answer = new HealthAnswer[1];
        READY.await(Readiness.deadlineIn(timeout), () -> {
            for (NodeEndpoint n : nodes) {
                culprit[0] = n;
                answer[0] = health(n.baseUri());
                if (!answer[0].healthy()) return Optional.of(answer[0].problem());
                int peers = peerCount(n.baseUri());
                if (peers < expectedPeers) {
                    return Optional.of("sees " + Math.max(peers, 0) + " of " + expectedPeers + " peers in /v1/topology");
                }
            }
            return Optional.empty();
        }, Readiness.NEVER_DIES, problem -> new EngineException("Node " + culprit[0].nodeId() + " (" + culprit[0].baseUri()
                + ") " + problem + " after " + timeout.toSeconds() + " s. Its last log lines:\n"
                + logs.apply(culprit[0].index()) + "\n" + (answer[0].fix() != null ? answer[0].fix()
                : "Fix: check the log above; give the nodes more time with --health-timeout,"
                + " or fewer resources to contend for (a smaller cluster)."),
                Reason.NODE_UNHEALTHY));
    }
}
