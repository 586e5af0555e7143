package io.repram.node.cluster;

import io.repram.node.cluster.peerhttp.PeerClient;
import io.repram.node.cluster.peerhttp.PeerClients;
import io.repram.node.cluster.peerhttp.PeerResponse;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Outgoing peer traffic: signed JSON POSTs over pooled keep-alive connections. Sends only enqueue,
 * so no request thread waits for a peer, and a gossip receiver answers its sender before its ACK
 * goes out. Futures complete on the client's I/O thread: callbacks must stay short.
 */
public final class GossipClient implements AutoCloseable {
    /** Enough parallel exchanges per peer for a busy origin; more only adds sockets and context switches. */
    private static final int MAX_CONNECTIONS_PER_PEER = 32;
    private static final long CONNECT_TIMEOUT_MILLIS = 2_000;

    private final PeerClient http;
    private final ConcurrentHashMap<String, URI> bases = new ConcurrentHashMap<>();
    private final Signer signer;
    private final long timeoutMillis;

    /** Over the peer client that {@code REPRAM_PEER_CLIENT} picks (ours unless it says {@code jetty}). */
    public GossipClient(Signer signer, long timeoutMillis) {
        this(signer, timeoutMillis, PeerClients.fromEnvironment("gossip-client", MAX_CONNECTIONS_PER_PEER,
                CONNECT_TIMEOUT_MILLIS));
    }

    /** Over {@code http}, which it closes on {@link #close}. */
    public GossipClient(Signer signer, long timeoutMillis, PeerClient http) {
        this.http = http;
        this.signer = signer;
        this.timeoutMillis = timeoutMillis;
    }

    /** POSTs a JSON body (signed when a secret is set); completes with the status, or -1 on failure. */
    public CompletableFuture<Integer> post(String baseUrl, String path, byte[] json) {
        return status(baseUrl, path, json, false);
    }

    /**
     * As {@link #post}, ahead of what already waits for a connection to that peer: for ACKs, pings
     * and pongs. A node that fell behind was otherwise sent its peers' ACKs only after their
     * backlog of PUTs to it, up to the write timeout later, so its own clients' PUTs all took the
     * whole timeout, its clients moved their load to the other nodes, whose PUTs then flooded it
     * more (one node of three answered 129 requests to the others' 155,000 each).
     */
    public CompletableFuture<Integer> postFirst(String baseUrl, String path, byte[] json) {
        return status(baseUrl, path, json, true);
    }

    private CompletableFuture<Integer> status(String baseUrl, String path, byte[] json, boolean first) {
        try {
            return send(baseUrl, path, json, first).handle((resp, err) -> err != null ? -1 : resp.status());
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(-1);
        }
    }

    /** Blocking POST for the control path (bootstrap); returns the response or throws. */
    public PeerResponse postAndWait(String baseUrl, String path, byte[] json) throws Exception {
        try {
            return send(baseUrl, path, json, false).get(timeoutMillis + CONNECT_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private CompletableFuture<PeerResponse> send(String baseUrl, String path, byte[] json, boolean first) {
        URI base = bases.computeIfAbsent(baseUrl, GossipClient::parseBase);
        String headers = signer.enabled() ? Signer.HEADER + ": " + signer.sign(json) + "\r\n" : "";
        return first ? http.postFirst(base.getHost(), base.getPort(), path, "application/json", headers, json, timeoutMillis)
                : http.post(base.getHost(), base.getPort(), path, "application/json", headers, json, timeoutMillis);
    }

    private static URI parseBase(String baseUrl) {
        URI uri = URI.create(baseUrl);
        if (!"http".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() <= 0) {
            throw new IllegalArgumentException("peer address must be http://host:port, got '" + baseUrl + "'");
        }
        return uri;
    }

    @Override
    public void close() {
        http.close();
    }
}
