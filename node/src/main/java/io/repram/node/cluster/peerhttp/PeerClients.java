package io.repram.node.cluster.peerhttp;

import java.util.Locale;

/** Picks the peer client: {@code REPRAM_PEER_CLIENT=jetty} for Jetty's, else (unset or {@code wire}) ours. */
public final class PeerClients {
    public static final String ENV = "REPRAM_PEER_CLIENT";

    private PeerClients() {
    }

    /** The client the environment asks for. */
    public static PeerClient fromEnvironment(String threadName, int maxConnectionsPerPeer, long connectTimeoutMillis) {
        return create(System.getenv(ENV), threadName, maxConnectionsPerPeer, connectTimeoutMillis);
    }

    /** @param kind "wire" (also when null or blank) or "jetty" */
    public static PeerClient create(String kind, String threadName, int maxConnectionsPerPeer,
                                    long connectTimeoutMillis) {
        String k = kind == null ? "" : kind.trim().toLowerCase(Locale.ROOT);
        return switch (k) {
            case "", "wire" -> new PeerHttpClient(threadName, maxConnectionsPerPeer, connectTimeoutMillis);
            case "jetty" -> new JettyPeerClient(threadName, maxConnectionsPerPeer, connectTimeoutMillis);
            default -> throw new IllegalArgumentException(ENV + " must be 'wire' or 'jetty', got '" + kind + "'");
        };
    }
}
