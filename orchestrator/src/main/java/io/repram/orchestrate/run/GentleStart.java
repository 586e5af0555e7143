package io.repram.orchestrate.run;

import io.repram.orchestrate.engine.AgentEndpoint;
import io.repram.orchestrate.load.LoadSpec;
import io.repram.orchestrate.results.IntervalFigures;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * The first warm-up on a freshly started cluster begins at one worker per target node (closed loop),
 * until the nodes' JIT is quiet or half the warm-up has passed; the rest of the warm-up runs the
 * cell's load.
 *
 * <p>Why: full load on JVMs that have compiled nothing yet, sharing a host, can leave one node's
 * compiler starved for good. Its request threads, running interpreted code, are always runnable and
 * take its share of the CPU; its peers, compiled sooner, push it their replication as fast as their
 * own clients write; and each closed-loop worker waits on its node, so that node's clients barely
 * move. Measured on 2026-12-03 (process driver, quick-bench cell, 30 s warm-up, 60 s measured), in
 * 4 runs of 4 (one with 6 request threads per node instead of 16): one node was sent 1,349–3,642
 * requests against 95,000–118,000 for each of the others; it served 584 gossip PUTs/s at 12 ms
 * each against its peers' 3,025/s, and its C2 compiler thread had 3.3 s of CPU in 67 s against
 * 14.7 s on a peer, while its 16 request threads had as much CPU as theirs. After a gentle cell
 * (3 workers, 70 s) on the same cluster the full-load cell was even: 59,427, 45,746 and 52,954
 * requests. At one worker per node the three nodes' JIT took 82 s to go quiet.
 *
 * <p>Waits for the nodes' JIT where the nodes publish the figure ({@link JitWatch}); a node without
 * it (not a JVM, or another image) ends the gentle start after {@link #NO_FIGURE_AFTER}.
 */
final class GentleStart {

    /** How long the nodes' compile time must stay under {@link JitWatch#BUSY_PERCENT} to end early. */
    static final Duration QUIET_WINDOW = Duration.ofSeconds(5);
    /** When no node has published a compile-time figure by then, there is no JIT to wait for. */
    static final Duration NO_FIGURE_AFTER = Duration.ofSeconds(3);

    /** @param jit "JIT quiet", "JIT unknown" or the busiest node's compile share when the budget ran out */
    record Outcome(long gentleMillis, int workers, String jit) {
    }

    private GentleStart() {
    }

    /**
     * Whether the cell's warm-up starts gently (see the class comment): the first warm-up on its
     * cluster, a warm-up asked for, and more workers than the gentle load's.
     */
    static boolean applies(boolean clusterAlreadyWarmed, int agents, LoadSpec measured, Duration warmup) {
        return !clusterAlreadyWarmed && !warmup.isZero() && measured.concurrency() > workers(agents, measured);
    }

    /** One per target node, and at least one per load agent (each agent runs a share of the workers). */
    static int workers(int agents, LoadSpec measured) {
        return Math.max(measured.targets().size(), agents);
    }

    /**
     * Runs the gentle load, unmeasured, for at most {@code budget}.
     *
     * @param agents the load agents, empty for load from this process
     * @param live   receives each second, marked as warm-up
     */
    static Outcome run(List<AgentEndpoint> agents, LoadSpec measured, Duration budget, RunControl control, JitWatch jit,
                       Consumer<IntervalFigures> live) {
        int workers = workers(agents.size(), measured);
        // Closed loop even for an open-loop cell: its rate on a few connections would only queue up.
        LoadSpec spec = new LoadSpec(measured.targets(), measured.workload().withRatePerSecond(null), workers,
                measured.payloadBytes(), Duration.ZERO, budget, measured.requestTimeout(), measured.seed(),
                measured.keyRange());
        long started = System.nanoTime();
        long window = QUIET_WINDOW.toMillis();
        WarmupPhase.unmeasured(agents, spec, control, live, iv -> jit.measured() ? jit.quietOver(window)
                : System.nanoTime() - started >= NO_FIGURE_AFTER.toNanos());
        long took = (System.nanoTime() - started) / 1_000_000;
        String state = jit.state(window);
        return new Outcome(took, workers, state);
    }
}
