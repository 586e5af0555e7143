package io.repram.orchestrate.monitor;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one poll of a node's {@code /v1/status} and {@code /v1/metrics} found. Counters are the
 * node's own running totals since it started; -1 means the node does not expose that figure.
 *
 * @param requests         client requests served (the monitor's own status/metrics polls and
 *                         node-to-node gossip are not counted)
 * @param successful       requests the node answered (2xx, and 4xx such as 404 "no such key")
 * @param failed           requests the node could not serve: 5xx and 429 (rate limited)
 * @param failuresByClass  failed requests by class, e.g. {@code status_503}
 */
public record NodeReading(
        long epochMillis,
        boolean up,
        long requests,
        long successful,
        long failed,
        long storageItems,
        long storageBytes,
        LatencyCounts latency,
        Map<String, Long> failuresByClass) {

    public NodeReading {
        failuresByClass = Collections.unmodifiableMap(new LinkedHashMap<>(failuresByClass));
    }

    public static NodeReading down(long epochMillis) {
        return new NodeReading(epochMillis, false, -1, -1, -1, -1, -1, LatencyCounts.NONE, Map.of());
    }
}
