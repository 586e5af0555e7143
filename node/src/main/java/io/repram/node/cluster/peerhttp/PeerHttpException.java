package io.repram.node.cluster.peerhttp;

import java.io.IOException;

/** A request to a peer that got no valid HTTP response (refused, reset, timed out, malformed). */
public final class PeerHttpException extends IOException {
    public PeerHttpException(String message) {
        super(message);
    }
}
