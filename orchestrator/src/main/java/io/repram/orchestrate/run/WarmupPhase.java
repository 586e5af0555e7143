package io.repram.orchestrate.run;

import io.repram.orchestrate.engine.AgentEndpoint;
import io.repram.orchestrate.load.CellLoad;
import io.repram.orchestrate.load.LoadGenerator;
import io.repram.orchestrate.load.LoadSpec;
import io.repram.orchestrate.load.agent.DistributedLoad;
import io.repram.orchestrate.results.IntervalFigures;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * {@code warmup: {until: stable, max}}: runs the cell's load, unmeasured, until {@link WarmupWatch}
 * finds its figures flat while {@link JitWatch} finds the nodes' JIT quiet, or {@code max} passes;
 * the measured window then starts with a load of its own on the warmed cluster. A load of its own
 * (rather than a longer warm-up inside one load) keeps the measured load exactly as a fixed
 * warm-up's, for in-process and agent load alike.
 */
final class WarmupPhase {

    /**
     * @param flatFromMillis when the figures were steady from, -1 when they never were
     * @param jit            at the end: "JIT quiet", "JIT unknown" (no node has the figure) or the
     *                       busiest node's compile share while it was still compiling
     */
    record Outcome(long warmupMillis, boolean hitMax, long flatFromMillis, String jit) {
        /** The same outcome counted from an earlier start: a {@link GentleStart} that took {@code millis}. */
        Outcome after(long millis) {
            return new Outcome(warmupMillis + millis, hitMax, flatFromMillis < 0 ? -1 : flatFromMillis + millis, jit);
        }
    }

    private WarmupPhase() {
    }

    /**
     * @param measured the cell's measured load; its warm-up is ignored
     * @param live     receives each warm-up second, marked as warm-up
     */
    static Outcome run(ClusterSession session, LoadSpec measured, Duration max, RunControl control, JitWatch jit,
                       Consumer<IntervalFigures> live) {
        LoadSpec spec = new LoadSpec(measured.targets(), measured.workload(), measured.concurrency(),
                measured.payloadBytes(), Duration.ZERO, max, measured.requestTimeout(), measured.seed(),
                measured.keyRange());
        WarmupWatch watch = new WarmupWatch();
        long started = System.nanoTime();
        unmeasured(session.agents(), spec, control, live, iv -> watch.add(Math.round(iv.intervalSeconds() * 1000),
                iv.successes() / Math.max(1e-9, iv.intervalSeconds()), iv.p99Micros() / 1000.0,
                jit.quietOver(WarmupWatch.WINDOW_SECONDS * 1000L)));
        long took = (System.nanoTime() - started) / 1_000_000;
        String state = jit.state(WarmupWatch.WINDOW_SECONDS * 1000L);
        return new Outcome(took, !watch.flatSeen(), watch.flatFromMillis(), state);
    }

    /**
     * Runs {@code spec} unmeasured, from this process or the agents, passing each second on marked as
     * warm-up, until {@code done} is true for one or the spec's duration ends; {@code control} can stop it.
     */
    static void unmeasured(List<AgentEndpoint> agents, LoadSpec spec, RunControl control, Consumer<IntervalFigures> live,
                           Predicate<IntervalFigures> done) {
        try (CellLoad gen = agents.isEmpty() ? new LoadGenerator(spec)
                : new DistributedLoad(agents, spec, spec.targets().size())) {
            control.onStopLoad(gen::stop);
            try {
                gen.run(iv -> {
                    live.accept(iv.asWarmup());
                    if (done.test(iv)) gen.stop();
                });
            } finally {
                control.onStopLoad(() -> { });
            }
        }
    }
}
