package io.repram.orchestrate.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.repram.orchestrate.load.LoadSpec;
import io.repram.orchestrate.scenario.Workload;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GentleStartTest {

    private static LoadSpec cell(List<FakeNode> nodes, int concurrency) {
        List<URI> targets = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) targets.add(nodes.get(i).endpoint(i).baseUri());
        return LoadSpec.of(targets, new Workload(100, 300, 500, null, Workload.Targets.ALL), concurrency, 64,
                Duration.ofSeconds(30), Duration.ofSeconds(20), Duration.ofSeconds(5), 7);
    }

    private static List<FakeNode> nodes(int n) throws Exception {
        List<FakeNode> nodes = new ArrayList<>();
        for (int i = 0; i < n; i++) nodes.add(new FakeNode());
        return nodes;
    }

    @Test
    void onlyTheFirstWarmupOfAClusterStartsGentlyAndOnlyWhenItHasMoreWorkersThanNodes() throws Exception {
        List<FakeNode> three = nodes(3);
        try {
            assertTrue(GentleStart.applies(false, 0, cell(three, 25), Duration.ofSeconds(30)));
            assertFalse(GentleStart.applies(true, 0, cell(three, 25), Duration.ofSeconds(30)), "already warmed");
            assertFalse(GentleStart.applies(false, 0, cell(three, 25), Duration.ZERO), "no warm-up asked for");
            assertFalse(GentleStart.applies(false, 0, cell(three, 3), Duration.ofSeconds(30)), "already one per node");
            assertEquals(4, GentleStart.workers(4, cell(three, 25)), "at least one per agent");
        } finally {
            three.forEach(FakeNode::close);
        }
    }

    @Test
    void runsOneWorkerPerNodeUntilTheNodesJitHasBeenQuietForItsWindow() throws Exception {
        List<FakeNode> three = nodes(3);
        try {
            // Every node compiles for a full second per second for 3 s, then not at all: quiet (at most
            // BUSY_PERCENT of the window compiling) once the window holds at most 1 s of the busy part.
            JitWatch jit = new JitWatch(3);
            long t0 = System.nanoTime() / 1_000_000;
            List<Long> seconds = new ArrayList<>();
            GentleStart.Outcome out = GentleStart.run(List.of(), cell(three, 25), Duration.ofSeconds(30),
                    new RunControl(), jit, iv -> {
                        assertTrue(iv.warmup());
                        long now = System.nanoTime() / 1_000_000;
                        double compiled = Math.min(now - t0, 3_000) / 1000.0;
                        for (int i = 0; i < 3; i++) jit.add(i, now, compiled);
                        seconds.add(now - t0);
                    });
            assertEquals("JIT quiet", out.jit());
            assertEquals(3, out.workers());
            long window = GentleStart.QUIET_WINDOW.toMillis();
            long quietFrom = 3_000 + window - Math.round(window * JitWatch.BUSY_PERCENT / 100);
            assertTrue(out.gentleMillis() >= quietFrom && out.gentleMillis() < quietFrom + 3_000,
                    "ended after " + out.gentleMillis() + " ms, seconds at " + seconds);
            for (FakeNode n : three) assertEquals(1, n.clientPorts.size(), "one worker on each node");
        } finally {
            three.forEach(FakeNode::close);
        }
    }

    @Test
    void aBusyJitRunsTheWholeBudgetAndNoJitFigureEndsItAtOnce() throws Exception {
        List<FakeNode> two = nodes(2);
        try {
            JitWatch busy = new JitWatch(2);
            long t0 = System.nanoTime() / 1_000_000;
            GentleStart.Outcome out = GentleStart.run(List.of(), cell(two, 10), Duration.ofSeconds(7), new RunControl(),
                    busy, iv -> {
                        long now = System.nanoTime() / 1_000_000;
                        for (int i = 0; i < 2; i++) busy.add(i, now, (now - t0) / 1000.0);
                    });
            // Longer than the 5 s window, so the state names the busiest node.
            assertTrue(out.jit().startsWith("JIT still compiling: node "), out.jit());
            assertTrue(out.gentleMillis() >= 6_900, "ran " + out.gentleMillis() + " ms of a 7 s budget");

            GentleStart.Outcome none = GentleStart.run(List.of(), cell(two, 10), Duration.ofSeconds(30),
                    new RunControl(), new JitWatch(2), iv -> { });
            assertEquals("JIT unknown", none.jit());
            long after = GentleStart.NO_FIGURE_AFTER.toMillis();
            assertTrue(none.gentleMillis() >= after && none.gentleMillis() < after + 2_500,
                    "no JIT figure, ended after " + none.gentleMillis() + " ms");
        } finally {
            two.forEach(FakeNode::close);
        }
    }
}
