package io.repram.orchestrate.load;

import io.repram.orchestrate.scenario.ScenarioDefaults;
import io.repram.orchestrate.scenario.Workload;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What one load run does: the scenario's {@link Workload} (op mix, TTL, key space, rate) as it is,
 * plus what the run adds to it. The workload's fields are declared once, in {@link Workload}; the
 * shortcuts below only read them.
 *
 * @param targets        base URLs of the nodes, {@code http://host:port[/prefix]}; connection i talks to
 *                       target i modulo the number of targets. With {@link Workload.Targets#FIRST} exactly one
 * @param workload       {@code putPercent}: share of PUTs, 0..100. GETs read only keys this run wrote
 *                       successfully; with 0 the run is GET-only and reads random keys of the key space,
 *                       which only makes sense against a pre-filled node or a benchmark server that answers
 *                       any key. {@code ratePerSecond}: null = closed loop; a number = open loop at that
 *                       constant arrival rate, latency measured from each request's intended start time
 * @param concurrency    keep-alive connections (closed loop: workers back to back; open loop: the most
 *                       requests in flight, further arrivals queue)
 * @param seed           seeds key choice, op mix and payload bytes, so runs are repeatable
 * @param keyRange       the key ids of the key space this run uses; key names are still padded for the
 *                       whole key space, so they look alike on every agent
 */
public record LoadSpec(
        List<URI> targets,
        Workload workload,
        int concurrency,
        int payloadBytes,
        Duration warmup,
        Duration duration,
        Duration requestTimeout,
        long seed,
        KeyRange keyRange) {

    /** Upper bound of one payload; stress scenarios go up to 1 MB, the standalone tool further than scenarios. */
    public static final int MAX_PAYLOAD_BYTES = 64 * 1024 * 1024;
    public static final int MAX_CONCURRENCY = ScenarioDefaults.MAX_CONCURRENCY;

    /** A bad value, with the name of the component it is in ({@code workload.putPercent}, {@code keyRange}). */
    public static final class Invalid extends IllegalArgumentException {
        private final String field;

        Invalid(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    public LoadSpec {
        if (targets == null || targets.isEmpty()) {
            throw new Invalid("targets", "at least one target URL is needed, e.g. http://127.0.0.1:8080");
        }
        targets = List.copyOf(targets);
        for (URI target : targets) {
            checkTarget(target);
        }
        checkWorkload(workload);
        if (workload.targets() == Workload.Targets.FIRST && targets.size() != 1) {
            throw new Invalid("targets", "workload targets FIRST sends everything to one node, but there are "
                    + targets.size() + " target URLs");
        }
        if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
            throw new Invalid("concurrency", "concurrency must be 1.." + MAX_CONCURRENCY + ", got " + concurrency);
        }
        if (payloadBytes < 0 || payloadBytes > MAX_PAYLOAD_BYTES) {
            throw new Invalid("payloadBytes", "payload size must be 0.." + MAX_PAYLOAD_BYTES + " bytes, got " + payloadBytes);
        }
        if (keyRange == null) {
            throw new Invalid("keyRange", "key range is missing");
        }
        if (keyRange.offset() < 0 || keyRange.count() < 1 || (long) keyRange.offset() + keyRange.count() > workload.keySpace()) {
            throw new Invalid("keyRange", "key range " + keyRange.offset() + "+" + keyRange.count()
                    + " must lie within the key space 0.." + (workload.keySpace() - 1));
        }
        requireNonNegative("warmup", "warm-up", warmup);
        requireNonNegative("duration", "duration", duration);
        if (duration.isZero()) {
            throw new Invalid("duration", "duration must be longer than 0s");
        }
        requireNonNegative("requestTimeout", "request timeout", requestTimeout);
        if (requestTimeout.isZero()) {
            throw new Invalid("requestTimeout", "request timeout must be longer than 0s");
        }
    }

    /**
     * A run over the whole key space against the nodes the workload picks: all of them, or the first.
     *
     * @throws IllegalArgumentException naming the bad value
     */
    public static LoadSpec of(List<URI> nodes, Workload workload, int concurrency, int payloadBytes, Duration warmup,
                              Duration duration, Duration requestTimeout, long seed) {
        checkWorkload(workload);
        List<URI> targets = workload.targets() == Workload.Targets.FIRST && nodes != null && !nodes.isEmpty()
                ? nodes.subList(0, 1) : nodes;
        return new LoadSpec(targets, workload, concurrency, payloadBytes, warmup, duration, requestTimeout, seed,
                KeyRange.whole(workload.keySpace()));
    }

    public boolean openLoop() {
        return workload.ratePerSecond() != null;
    }

    /**
     * How many targets, from the first, this process's generator sends to: connection j goes to
     * node j % nodes, so with fewer connections than nodes the last nodes get none.
     */
    public int sentNodes() {
        return Math.min(concurrency, targets.size());
    }

    // Shortcuts for the generator's readers; the values live in workload and keyRange.

    public int putPercent() {
        return workload.putPercent();
    }

    public int ttlSeconds() {
        return workload.ttlSeconds();
    }

    public int keySpace() {
        return workload.keySpace();
    }

    public Integer ratePerSecond() {
        return workload.ratePerSecond();
    }

    public int keyOffset() {
        return keyRange.offset();
    }

    public int keyCount() {
        return keyRange.count();
    }

    private static void checkWorkload(Workload workload) {
        if (workload == null) {
            throw new Invalid("workload", "workload is missing");
        }
        if (workload.putPercent() < 0 || workload.putPercent() > 100) {
            throw new Invalid("workload.putPercent", "put percent must be 0..100, got " + workload.putPercent());
        }
        if (workload.ttlSeconds() < 1) {
            throw new Invalid("workload.ttlSeconds", "ttl must be at least 1 second, got " + workload.ttlSeconds());
        }
        if (workload.keySpace() < 1) {
            throw new Invalid("workload.keySpace", "key space must be at least 1, got " + workload.keySpace());
        }
        if (workload.ratePerSecond() != null && workload.ratePerSecond() < 1) {
            throw new Invalid("workload.ratePerSecond", "rate must be at least 1 request/s (or absent for a closed loop), got "
                    + workload.ratePerSecond());
        }
        if (workload.targets() == null) {
            throw new Invalid("workload.targets", "workload targets is missing; use ALL or FIRST");
        }
    }

    private static void requireNonNegative(String field, String what, Duration value) {
        if (value == null) {
            throw new Invalid(field, what + " is missing");
        }
        if (value.isNegative()) {
            throw new Invalid(field, what + " must not be negative, got " + value);
        }
    }

    private static void checkTarget(URI target) {
        if (target == null) {
            throw new Invalid("targets", "a target URL is missing");
        }
        String scheme = target.getScheme();
        if (scheme == null || !scheme.toLowerCase(Locale.ROOT).equals("http")) {
            throw new Invalid("targets", "target '" + target + "' is not an http://HOST:PORT URL; only plain HTTP is supported, e.g. http://127.0.0.1:8080");
        }
        if (target.getHost() == null) {
            throw new Invalid("targets", "target '" + target + "' has no host; write it as http://HOST:PORT");
        }
        if (target.getRawQuery() != null || target.getRawFragment() != null) {
            throw new Invalid("targets", "target " + target + " must not have a query or fragment; give the node's base URL");
        }
    }
}
