package io.repram.node.cluster;

import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.api.ContentResponse;
import org.eclipse.jetty.client.http.HttpClientTransportOverHTTP;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.client.api.Request;
import org.eclipse.jetty.client.util.BytesRequestContent;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Outgoing peer traffic over pooled keep-alive HTTP/1.1 connections (Jetty's client, the same Jetty
 * Javalin runs on). Sends are asynchronous: no caller thread waits for a peer.
 */
public final class GossipClient implements AutoCloseable {
    private final HttpClient http;
    private final Signer signer;
    private final long timeoutMillis;

    public GossipClient(Signer signer, long timeoutMillis) {
        this.signer = signer;
        this.timeoutMillis = timeoutMillis;
        // Few threads on purpose: callbacks are short and never block, and on small boxes extra
        // threads only add context switches.
        QueuedThreadPool pool = new QueuedThreadPool(16, 2);
        pool.setName("gossip-client");
        pool.setDaemon(true);
        ClientConnector connector = new ClientConnector();
        // Without TCP_NODELAY each message waits ~40 ms for a delayed ACK (Nagle): measured, not guessed.
        connector.setTCPNoDelay(true);
        connector.setSelectors(1);
        connector.setExecutor(pool);
        http = new HttpClient(new HttpClientTransportOverHTTP(connector));
        http.setExecutor(pool);
        http.setMaxConnectionsPerDestination(32);
        http.setMaxRequestsQueuedPerDestination(16_384);
        http.setConnectTimeout(2_000);
        http.setIdleTimeout(120_000);
        http.setFollowRedirects(false);
        // Jetty's default User-Agent header costs bytes on every gossip message for nothing.
        http.setUserAgentField(null);
        try {
            http.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the gossip HTTP client: " + e.getMessage(), e);
        }
    }

    /** POSTs a JSON body (signed when a secret is set); completes with the status, or -1 on failure. */
    public CompletableFuture<Integer> post(String baseUrl, String path, byte[] json) {
        CompletableFuture<Integer> done = new CompletableFuture<>();
        try {
            request(baseUrl, path, json).send(result -> done.complete(
                    result.isFailed() ? -1 : result.getResponse().getStatus()));
        } catch (RuntimeException e) {
            done.complete(-1);
        }
        return done;
    }

    /** Blocking POST for the control path (bootstrap); returns the response or throws. */
    public ContentResponse postAndWait(String baseUrl, String path, byte[] json) throws Exception {
        return request(baseUrl, path, json).send();
    }

    private Request request(String baseUrl, String path, byte[] json) {
        Request req = http.newRequest(baseUrl + path)
                .method(HttpMethod.POST)
                .timeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .body(new BytesRequestContent("application/json", json));
        if (signer.enabled()) {
            String sig = signer.sign(json);
            req.headers(h -> h.put(Signer.HEADER, sig));
        }
        return req;
    }

    @Override
    public void close() {
        try {
            http.stop();
        } catch (Exception ignored) {
            // shutting down: nothing useful to do with a failure here
        }
    }
}
