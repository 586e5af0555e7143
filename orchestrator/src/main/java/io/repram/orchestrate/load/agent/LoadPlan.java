package io.repram.orchestrate.load.agent;

import io.repram.orchestrate.load.KeyRange;
import io.repram.orchestrate.load.LoadSpec;
import io.repram.orchestrate.scenario.Workload;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * The wire form of one agent's {@link LoadSpec}: the same components, durations in milliseconds.
 * {@link AgentWire#readPlan} requires every field (ratePerSecond may be null: closed loop) and
 * rejects unknown ones, so a plan from another tool version fails loudly instead of running
 * something else. The seed is the cell's, the same on every agent: payload bytes match, so the
 * orchestrator can audit every agent's writes; {@code keyRange} is this agent's slice of the key space.
 */
public record LoadPlan(
        List<URI> targets,
        Workload workload,
        int concurrency,
        int payloadBytes,
        long warmupMillis,
        long durationMillis,
        long requestTimeoutMillis,
        long seed,
        KeyRange keyRange) {

    public static LoadPlan of(LoadSpec spec) {
        return new LoadPlan(spec.targets(), spec.workload(), spec.concurrency(), spec.payloadBytes(),
                spec.warmup().toMillis(), spec.duration().toMillis(), spec.requestTimeout().toMillis(), spec.seed(),
                spec.keyRange());
    }

    /**
     * Checks every field and turns the plan back into the spec it was made from.
     *
     * @throws IllegalArgumentException "bad load plan: ...", naming the field and the allowed values
     */
    public LoadSpec toSpec() {
        // The units are the wire's own; every other check is LoadSpec's.
        atLeast("warmupMillis", warmupMillis, 0);
        atLeast("durationMillis", durationMillis, 1);
        atLeast("requestTimeoutMillis", requestTimeoutMillis, 1);
        try {
            return new LoadSpec(targets, workload, concurrency, payloadBytes, Duration.ofMillis(warmupMillis),
                    Duration.ofMillis(durationMillis), Duration.ofMillis(requestTimeoutMillis), seed, keyRange);
        } catch (LoadSpec.Invalid e) {
            String message = e.getMessage();
            throw bad(message.startsWith(e.field() + " ") ? message : "field '" + e.field() + "': " + message);
        }
    }

    private static void atLeast(String field, long value, long min) {
        if (value < min) throw bad(field + " must be at least " + min + ", got " + value);
    }

    private static IllegalArgumentException bad(String message) {
        return new IllegalArgumentException("bad load plan: " + message);
    }
}
