package io.repram.orchestrate.monitor;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Requests between two readings: of one node, or summed over the cluster. Counters that went down
 * (the node restarted) count from zero; a node unknown in either reading contributes nothing.
 *
 * @param requests        -1 when no node exposes a request counter
 * @param failed          -1 when no node says which requests failed
 * @param requestsPerSec  the sum of each node's requests over its own reading interval
 */
public record Window(long requests, long failed, double requestsPerSec, LatencyCounts latency,
                     Map<String, Long> failuresByClass) {
    public static final Window NONE = new Window(-1, -1, 0, LatencyCounts.NONE, Map.of());

    public Window {
        failuresByClass = Collections.unmodifiableMap(new LinkedHashMap<>(failuresByClass));
    }

    public static Window between(NodeReading before, NodeReading after) {
        if (before == null || after == null || !before.up() || !after.up() || after.requests() < 0
                || before.requests() < 0) {
            return NONE;
        }
        boolean restarted = after.requests() < before.requests();
        long requests = restarted ? after.requests() : after.requests() - before.requests();
        long failed = -1;
        if (after.failed() >= 0 && before.failed() >= 0) {
            failed = restarted || after.failed() < before.failed() ? after.failed() : after.failed() - before.failed();
        }
        Map<String, Long> failures = new LinkedHashMap<>();
        after.failuresByClass().forEach((k, n) -> {
            long d = restarted ? n : n - before.failuresByClass().getOrDefault(k, 0L);
            if (d > 0) failures.put(k, d);
        });
        double seconds = (after.epochMillis() - before.epochMillis()) / 1000.0;
        double rate = seconds > 0 ? requests / seconds : 0;
        LatencyCounts latency = restarted ? after.latency() : after.latency().since(before.latency());
        return new Window(requests, failed, rate, latency, failures);
    }

    public Window plus(Window o) {
        if (o.requests < 0) return this;
        if (requests < 0) return o;
        Map<String, Long> failures = new LinkedHashMap<>(failuresByClass);
        o.failuresByClass.forEach((k, n) -> failures.merge(k, n, Long::sum));
        long f = failed < 0 ? o.failed : o.failed < 0 ? failed : failed + o.failed;
        return new Window(requests + o.requests, f, requestsPerSec + o.requestsPerSec, latency.plus(o.latency), failures);
    }

    /** Share of requests that did not fail, 0..100; NaN when there were none or it is unknown. */
    public double successPercent() {
        if (requests <= 0 || failed < 0) return Double.NaN;
        return 100.0 * (requests - failed) / requests;
    }

    public long successful() {
        return requests < 0 || failed < 0 ? -1 : requests - failed;
    }
}
