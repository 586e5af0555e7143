package io.repram.orchestrate.load;

import java.net.InetSocketAddress;
import java.net.URI;

/** One node to send requests to, resolved once. */
record Target(URI uri, InetSocketAddress address, String hostHeader, String basePath) {

    static Target of(URI uri) {
        int port = uri.getPort() < 0 ? 80 : uri.getPort();
        String host = uri.getHost();
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("cannot resolve the host of target " + uri + "; check the URL");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return new Target(uri, address, host + ":" + port, path);
    }
}
