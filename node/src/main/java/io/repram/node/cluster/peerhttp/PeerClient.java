package io.repram.node.cluster.peerhttp;

import java.util.concurrent.CompletableFuture;

/**
 * Sends a node's peer traffic: HTTP/1.1 POSTs to {@code http://host:port}. Callers only enqueue;
 * futures complete on the client's own threads, so their callbacks must be short and must not block.
 * Two implementations, picked by {@link PeerClients}: {@link PeerHttpClient} (the default) and
 * {@link JettyPeerClient} (to measure it against).
 */
public interface PeerClient extends AutoCloseable {

    /**
     * POSTs {@code body} to {@code http://host:port}{@code path}.
     *
     * @param extraHeaders complete header lines ("Name: value\r\n" each), or an empty string
     * @return completes with the response, or exceptionally with {@link PeerHttpException}
     */
    CompletableFuture<PeerResponse> post(String host, int port, String path, String contentType,
                                         String extraHeaders, byte[] body, long timeoutMillis);

    /**
     * As {@link #post}, but ahead of the requests already waiting for a connection to that peer: for
     * the small messages others wait on (ACKs, pings, pongs), which must not queue behind a flood of
     * replicated PUTs to a peer that has fallen behind. An implementation without a queue of its own
     * sends it as {@link #post} does.
     */
    default CompletableFuture<PeerResponse> postFirst(String host, int port, String path, String contentType,
                                                      String extraHeaders, byte[] body, long timeoutMillis) {
        return post(host, port, path, contentType, extraHeaders, body, timeoutMillis);
    }

    @Override
    void close();
}
