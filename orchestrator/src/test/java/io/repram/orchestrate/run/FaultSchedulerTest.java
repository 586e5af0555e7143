package io.repram.orchestrate.run;

import io.repram.orchestrate.engine.Reason;
import io.repram.orchestrate.engine.Cluster;
import io.repram.orchestrate.engine.ClusterSpec;
import io.repram.orchestrate.engine.EngineException;
import io.repram.orchestrate.engine.FaultAction;
import io.repram.orchestrate.engine.NodeEndpoint;
import io.repram.orchestrate.engine.NodeStatsSample;
import io.repram.orchestrate.engine.RunningCluster;
import io.repram.orchestrate.results.FaultEvent;
import io.repram.orchestrate.scenario.FaultSpec;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FaultSchedulerTest {

    /** Records faults; refuses DISCONNECT like the process driver. */
    private static final class RecordingCluster implements RunningCluster {
        final Cluster cluster;
        final List<String> calls = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch applied;
        final List<String> callerThreads = Collections.synchronizedList(new ArrayList<>());

        RecordingCluster(int size, int expected) {
            cluster = FaultSchedulerTest.cluster(size);
            applied = new CountDownLatch(expected);
        }

        @Override
        public void fault(int nodeIndex, FaultAction action) throws EngineException {
            callerThreads.add(Thread.currentThread().getName());
            try {
                if (action == FaultAction.DISCONNECT) throw new EngineException("cannot disconnect here", Reason.BAD_INPUT);
                calls.add(action + " " + nodeIndex);
            } finally {
                applied.countDown();
            }
        }

        @Override public Cluster cluster() { return cluster; }
        @Override public AutoCloseable stats(Consumer<NodeStatsSample> sink) { return () -> { }; }
        @Override public String logs(int nodeIndex, int tailLines) { return ""; }
        @Override public void close() { }
    }

    private static Cluster cluster(int size) {
        List<NodeEndpoint> nodes = new ArrayList<>();
        for (int i = 0; i < size; i++) nodes.add(new NodeEndpoint(i, "node-" + i, "127.0.0.1", 1000 + i));
        return new Cluster("c", new ClusterSpec("r", "s", size, "img", Map.of(), null, null, 0, Duration.ofSeconds(1)), nodes);
    }

    @Test
    void faultsRunInTimeOrderOffTheCallersThreadAndFailuresAreRecorded() throws Exception {
        RecordingCluster cluster = new RecordingCluster(3, 4);
        NodeImpairments state = new NodeImpairments();
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        List<FaultEvent> timeline;
        try (FaultScheduler s = new FaultScheduler(cluster, List.of(
                new FaultSpec(Duration.ofMillis(150), "pause", "all-but-one"),
                new FaultSpec(Duration.ofMillis(50), "kill", "2"),
                new FaultSpec(Duration.ofMillis(250), "disconnect", "1")),
                start, new SplittableRandom(1), state, lines::add)) {
            assertTrue(cluster.applied.await(5, TimeUnit.SECONDS));
            // The last event is recorded after the engine call returns: closing waits for it.
            s.close();
            timeline = s.timeline();
        }
        assertEquals(List.of("KILL 2", "PAUSE 1", "PAUSE 2"), cluster.calls);
        assertFalse(cluster.callerThreads.contains(Thread.currentThread().getName()));
        assertEquals(4, timeline.size());
        assertTrue(timeline.get(0).offsetMillis() >= 50, timeline.toString());
        assertTrue(timeline.get(1).offsetMillis() >= 150, timeline.toString());
        FaultEvent refused = timeline.get(3);
        assertEquals("disconnect", refused.action());
        assertFalse(refused.ok());
        assertTrue(refused.error().contains("cannot disconnect"), refused.toString());
        assertTrue(state.isDown(2) && state.isImpaired(1) && !state.isImpaired(0));
        assertTrue(state.wasTouched(1));
        assertEquals(4, lines.size());
        assertTrue(lines.get(0).startsWith("Fault: kill node 2 at "), lines.toString());
    }

    @Test
    void faultsNotYetDueWhenTheCellEndsAreDropped() {
        RecordingCluster cluster = new RecordingCluster(2, 1);
        FaultScheduler s = new FaultScheduler(cluster, List.of(new FaultSpec(Duration.ofSeconds(30), "kill", "1")),
                System.nanoTime(), new SplittableRandom(1), new NodeImpairments(), line -> { });
        s.close();
        assertEquals(List.of(), s.timeline());
        assertEquals(List.of(), cluster.calls);
        assertNotEquals(0, cluster.applied.getCount());
    }
}
