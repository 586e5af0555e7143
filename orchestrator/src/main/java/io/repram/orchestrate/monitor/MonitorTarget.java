package io.repram.orchestrate.monitor;

import java.net.URI;

/**
 * One node the monitor watches.
 *
 * @param index   position in the node table (and the node index of a Docker cluster)
 * @param node    display name, e.g. {@code node-1}
 * @param baseUri where its HTTP API answers; null when it publishes no port (a stopped container)
 * @param where   what to tell the user about it: the URL, or the container's name
 */
public record MonitorTarget(int index, String node, URI baseUri, String where) {
}
