package io.repram.orchestrate.run;

import io.repram.orchestrate.engine.NodeEndpoint;
import io.repram.orchestrate.engine.NodeProbe;
import io.repram.orchestrate.metrics.JitCompilation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Whether the nodes' JIT compilers have gone quiet, from their {@link JitCompilation} figure, read
 * once a second. A warm-up must not end while they are busy: on this project's 2-core machine three
 * fresh node JVMs kept compiling for over a minute while the per-second req/s looked flat at a
 * fifth of what the warm cluster did (3 nodes, 10 workers: "stable" after 21 s at 450 req/s, then
 * 440 → 2,500 req/s through the next 60 s, the busiest node compiling about 1 s per second).
 *
 * <p>Quiet means every node that has the figure compiled for at most {@link #BUSY_PERCENT}% of the
 * window. Nodes without it (another image, or one down) are not waited for; with no node having it
 * the warm-up rests on its figures alone ({@link #measured()} says which).
 *
 * <p>Thread contract: one poller thread adds samples; any thread may ask {@link #quietOver} or
 * {@link #busiest}. Both sides hold this object's lock for the few operations on the sample lists.
 */
final class JitWatch implements AutoCloseable {

    /**
     * Compile time per second of wall time, in percent, at or below which a node counts as warm. The
     * figure is the compile tasks' wall time, which a crowded machine inflates: one node after 86 s
     * of load on 2 busy cores had 83.8 s of it against 19.1 s of compiler-thread CPU (thread dump),
     * about 4×; so 20% is about 5% of a core spent compiling. Warm nodes of a 3-node cluster under
     * load were at 0.7–1.4%; a 1-node cluster's node after 60 s of closed-loop load still at 92%.
     */
    static final double BUSY_PERCENT = 20;

    private final List<Deque<long[]>> samples = new ArrayList<>();
    private final ScheduledExecutorService poller;

    /** For tests: no poller; samples come through {@link #add}. */
    JitWatch(int nodes) {
        this(nodes, null);
    }

    private JitWatch(int nodes, ScheduledExecutorService poller) {
        for (int i = 0; i < nodes; i++) samples.add(new ArrayDeque<>());
        this.poller = poller;
    }

    private JitWatch(List<NodeEndpoint> nodes, NodeProbe probe, LongSupplier clock) {
        this(nodes.size(), Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "jit-watch");
            t.setDaemon(true);
            return t;
        }));
        poller.scheduleWithFixedDelay(() -> {
            for (int i = 0; i < nodes.size(); i++) {
                OptionalDouble s;
                try {
                    s = JitCompilation.seconds(probe.get(nodes.get(i).baseUri(), "/v1/metrics"));
                } catch (Exception e) {
                    // Down or paused: nothing learnt this second; its older samples stay.
                    continue;
                }
                if (s.isPresent()) add(i, clock.getAsLong(), s.getAsDouble());
            }
        }, 0, 1, TimeUnit.SECONDS);
    }

    /** Starts reading every node's compile time once a second until {@link #close}. */
    static JitWatch start(List<NodeEndpoint> nodes, NodeProbe probe) {
        return new JitWatch(nodes, probe, () -> System.nanoTime() / 1_000_000);
    }

    /** One reading: node {@code node} had compiled for {@code seconds} at {@code atMillis}. */
    synchronized void add(int node, long atMillis, double seconds) {
        Deque<long[]> d = samples.get(node);
        d.addLast(new long[] {atMillis, Math.round(seconds * 1e6)});
        // Enough history for any window asked for (the warm-up's is 10 s).
        while (d.size() > 120) d.removeFirst();
    }

    /** True when some node has the figure. */
    synchronized boolean measured() {
        return samples.stream().anyMatch(d -> !d.isEmpty());
    }

    /**
     * True when every node with readings spanning {@code windowMillis} compiled for at most
     * {@link #BUSY_PERCENT}% of it; false while a node's readings are younger than the window.
     * True when no node has the figure at all.
     */
    synchronized boolean quietOver(long windowMillis) {
        if (!measured()) return true;
        for (Deque<long[]> d : samples) {
            if (d.isEmpty()) continue;
            double busy = busyPercent(d, windowMillis);
            if (Double.isNaN(busy) || busy > BUSY_PERCENT) return false;
        }
        return true;
    }

    /**
     * "JIT unknown" (no node has the figure), "JIT quiet", "JIT still compiling: " and {@link #busiest},
     * or, when the readings do not span the window yet, that it could not be judged.
     */
    synchronized String state(long windowMillis) {
        if (!measured()) return "JIT unknown";
        if (quietOver(windowMillis)) return "JIT quiet";
        String busiest = busiest(windowMillis);
        return busiest == null ? "JIT not judged: its readings span less than " + windowMillis / 1000 + " s"
                : "JIT still compiling: " + busiest;
    }

    /** "node 0 compiled for 32% of the last 10 s", or null when no node has readings over the window. */
    synchronized String busiest(long windowMillis) {
        int node = -1;
        double most = -1;
        for (int i = 0; i < samples.size(); i++) {
            double busy = samples.get(i).isEmpty() ? Double.NaN : busyPercent(samples.get(i), windowMillis);
            if (!Double.isNaN(busy) && busy > most) {
                most = busy;
                node = i;
            }
        }
        return node < 0 ? null : String.format(Locale.ROOT, "node %d compiled for %.0f%% of the last %d s", node,
                most, windowMillis / 1000);
    }

    /** Compile time over the newest readings that span the window, % of their span; NaN when they span less. */
    private static double busyPercent(Deque<long[]> d, long windowMillis) {
        long[] last = d.peekLast();
        long[] from = null;
        for (var it = d.descendingIterator(); it.hasNext(); ) {
            long[] s = it.next();
            if (last[0] - s[0] >= windowMillis) {
                from = s;
                break;
            }
        }
        if (from == null) return Double.NaN;
        return 100.0 * (last[1] - from[1]) / 1e3 / (last[0] - from[0]);
    }

    @Override
    public void close() {
        if (poller != null) poller.shutdownNow();
    }
}
