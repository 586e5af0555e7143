package io.repram.node.cluster.peerhttp;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

/** One request to send and the future its response completes. */
final class Exchange {
    final InetSocketAddress address;
    final ByteBuffer[] request;
    final long deadlineNanos;
    final CompletableFuture<PeerResponse> result = new CompletableFuture<>();

    Exchange(InetSocketAddress address, byte[] head, byte[] body, long deadlineNanos) {
        this.address = address;
        // Each exchange wraps the body anew: one body goes to several peers, each with its own position.
        this.request = new ByteBuffer[]{ByteBuffer.wrap(head), ByteBuffer.wrap(body)};
        this.deadlineNanos = deadlineNanos;
    }

    boolean unsent() {
        return request[0].hasRemaining() || request[1].hasRemaining();
    }

    void fail(String why) {
        result.completeExceptionally(new PeerHttpException(why));
    }
}
