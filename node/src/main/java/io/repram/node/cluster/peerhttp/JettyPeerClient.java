package io.repram.node.cluster.peerhttp;

import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.api.Request;
import org.eclipse.jetty.client.api.Result;
import org.eclipse.jetty.client.util.BufferingResponseListener;
import org.eclipse.jetty.client.util.BytesRequestContent;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The peer client on Jetty's HttpClient ({@code REPRAM_PEER_CLIENT=jetty}): the same pooling limits
 * as {@link PeerHttpClient}, so that a benchmark compares the two clients and nothing else.
 */
public final class JettyPeerClient implements PeerClient {
    private static final long IDLE_MILLIS = TimeUnit.SECONDS.toMillis(20);
    /** Selector plus callbacks; peer callbacks are short, so a few threads carry every peer. */
    private static final int MAX_THREADS = 16;

    private final HttpClient client = new HttpClient();

    public JettyPeerClient(String threadName, int maxConnectionsPerPeer, long connectTimeoutMillis) {
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 2);
        threads.setName(threadName);
        threads.setDaemon(true);
        client.setExecutor(threads);
        client.setMaxConnectionsPerDestination(maxConnectionsPerPeer);
        client.setConnectTimeout(connectTimeoutMillis);
        client.setIdleTimeout(IDLE_MILLIS);
        client.setFollowRedirects(false);
        client.setUserAgentField(null);
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start Jetty's HttpClient for peer connections", e);
        }
    }

    @Override
    public CompletableFuture<PeerResponse> post(String host, int port, String path, String contentType,
                                                String extraHeaders, byte[] body, long timeoutMillis) {
        CompletableFuture<PeerResponse> result = new CompletableFuture<>();
        String name = host + ":" + port;
        try {
            Request request = client.newRequest(host, port)
                    .method(HttpMethod.POST)
                    .path(path)
                    .timeout(timeoutMillis, TimeUnit.MILLISECONDS)
                    .body(new BytesRequestContent(contentType, body));
            addHeaderLines(request, extraHeaders);
            request.send(new BufferingResponseListener(PeerConnection.MAX_BODY_BYTES) {
                @Override
                public void onComplete(Result r) {
                    if (r.isFailed()) {
                        result.completeExceptionally(new PeerHttpException(
                                "request to " + name + " failed: " + r.getFailure()));
                    } else {
                        result.complete(new PeerResponse(r.getResponse().getStatus(), getContent()));
                    }
                }
            });
        } catch (RuntimeException e) {
            result.completeExceptionally(new PeerHttpException("cannot send to " + name + ": " + e));
        }
        return result;
    }

    /** Header lines in the form {@link PeerClient#post} takes them: "Name: value\r\n" each. */
    private static void addHeaderLines(Request request, String lines) {
        int start = 0;
        while (start < lines.length()) {
            int end = lines.indexOf("\r\n", start);
            if (end < 0) {
                end = lines.length();
            }
            int colon = lines.indexOf(':', start);
            if (colon <= start || colon >= end) {
                throw new IllegalArgumentException("not a header line: " + lines.substring(start, end));
            }
            String headerName = lines.substring(start, colon).trim();
            String value = lines.substring(colon + 1, end).trim();
            request.headers(h -> h.add(headerName, value));
            start = end + 2;
        }
    }

    @Override
    public void close() {
        try {
            client.stop();
        } catch (Exception e) {
            org.slf4j.LoggerFactory.getLogger(JettyPeerClient.class).warn("stopping Jetty's HttpClient failed", e);
        }
    }
}
