package io.repram.orchestrate.engine;

import java.util.Locale;

/**
 * How container nodes are networked. {@code HOST}: each node on its own 127.0.0.1 port of this
 * machine's network, no bridge and no NAT (one host only). {@code BRIDGE}: a network of the
 * cluster's own, node ports published on 127.0.0.1.
 */
public enum NetworkMode {
    HOST, BRIDGE;

    /** The scenario file's spelling ("host", "bridge"); null stays null (the engine chooses). */
    public static NetworkMode of(String name) {
        return name == null ? null : valueOf(name.toUpperCase(Locale.ROOT));
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
