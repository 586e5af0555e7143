package io.repram.orchestrate.load.agent;

import io.repram.orchestrate.load.LoadSpec;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What the orchestrator asks one load agent to do: its share of a cell's load. Every field is
 * required (ratePerSecond may be null: closed loop) and unknown fields are rejected, so a plan from
 * another tool version fails loudly instead of running something else.
 *
 * @param targets       node base URLs as the agent reaches them
 * @param concurrency   this agent's connections
 * @param ratePerSecond this agent's arrival rate (open loop), or null for a closed loop
 * @param seed          the cell's seed, the same on every agent: payload bytes match, so the
 *                      orchestrator can audit every agent's writes
 * @param agentIndex    0-based; picks this agent's part of the key space
 * @param agentCount    agents sharing the key space; each writes and reads only its own keys
 */
public record LoadPlan(
        List<URI> targets,
        int concurrency,
        int payloadBytes,
        int putPercent,
        int ttlSeconds,
        int keySpace,
        Integer ratePerSecond,
        long warmupMillis,
        long durationMillis,
        long requestTimeoutMillis,
        long seed,
        int agentIndex,
        int agentCount) {

    /**
     * Checks every field and turns the plan into this agent's load spec.
     *
     * @throws IllegalArgumentException naming the field and the allowed values
     */
    public LoadSpec toSpec() {
        if (targets == null || targets.isEmpty()) {
            throw bad("targets must list at least one node URL, e.g. [\"http://127.0.0.1:8080\"]");
        }
        for (URI t : targets) {
            if (t == null || t.getScheme() == null || !t.getScheme().toLowerCase(Locale.ROOT).equals("http")
                    || t.getHost() == null) {
                throw bad("targets: '" + t + "' is not an http://HOST:PORT URL; only plain HTTP is supported");
            }
        }
        range("concurrency", concurrency, 1, LoadSpec.MAX_CONCURRENCY);
        range("payloadBytes", payloadBytes, 0, LoadSpec.MAX_PAYLOAD_BYTES);
        range("putPercent", putPercent, 0, 100);
        range("ttlSeconds", ttlSeconds, 1, Integer.MAX_VALUE);
        range("keySpace", keySpace, 1, Integer.MAX_VALUE);
        if (ratePerSecond != null) range("ratePerSecond", ratePerSecond, 1, Integer.MAX_VALUE);
        range("warmupMillis", warmupMillis, 0, Long.MAX_VALUE);
        range("durationMillis", durationMillis, 1, Long.MAX_VALUE);
        range("requestTimeoutMillis", requestTimeoutMillis, 1, Long.MAX_VALUE);
        range("agentCount", agentCount, 1, Integer.MAX_VALUE);
        range("agentIndex", agentIndex, 0, agentCount - 1);
        if (keySpace < agentCount) {
            throw bad("keySpace " + keySpace + " is smaller than agentCount " + agentCount
                    + "; every agent needs at least one key of its own");
        }
        try {
            return new LoadSpec(targets, concurrency, payloadBytes, putPercent, ttlSeconds, keySpace, ratePerSecond,
                    Duration.ofMillis(warmupMillis), Duration.ofMillis(durationMillis),
                    Duration.ofMillis(requestTimeoutMillis), seed, keyOffset(), keyCount());
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage());
        }
    }

    /** First key of this agent: the key space is cut into agentCount runs, the first ones one key longer. */
    int keyOffset() {
        int base = keySpace / agentCount;
        return agentIndex * base + Math.min(agentIndex, keySpace % agentCount);
    }

    int keyCount() {
        return keySpace / agentCount + (agentIndex < keySpace % agentCount ? 1 : 0);
    }

    private static void range(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw bad(field + " must be " + (max == Long.MAX_VALUE || max == Integer.MAX_VALUE
                    ? "at least " + min : min + ".." + max) + ", got " + value);
        }
    }

    private static IllegalArgumentException bad(String message) {
        return new IllegalArgumentException("bad load plan: " + message);
    }
}
