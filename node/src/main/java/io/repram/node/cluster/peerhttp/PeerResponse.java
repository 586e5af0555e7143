package io.repram.node.cluster.peerhttp;

/** A peer's answer: the HTTP status and the body (empty when there was none). */
public record PeerResponse(int status, byte[] body) {
}
