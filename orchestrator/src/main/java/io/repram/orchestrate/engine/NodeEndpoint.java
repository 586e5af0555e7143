package io.repram.orchestrate.engine;

import java.net.URI;

/** Where the tool reaches one node: always a loopback host and port. */
public record NodeEndpoint(int index, String nodeId, String host, int httpPort) {
    public URI baseUri() {
        return URI.create("http://" + host + ":" + httpPort);
    }
}
