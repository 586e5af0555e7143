package io.repram.orchestrate.engine.process;

import io.repram.orchestrate.engine.CleanupScope;
import io.repram.orchestrate.engine.ClusterSpec;
import io.repram.orchestrate.engine.FaultAction;
import io.repram.orchestrate.engine.Leftover;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `cleanup` finds a session's node processes by their command lines, and stops paused ones too. */
class ProcessNodesTest {

    @Test
    void aSessionsNodesAreFoundByTheirSessionAndStoppedEvenWhenPaused() throws Exception {
        try (ProcessEngine engine = new ProcessEngine(NodeJar.path())) {
            ProcessCluster cluster = engine.start(new ClusterSpec("cleanup1", "cleanup", 2, "process", Map.of(), null, null, 0,
                    Duration.ofSeconds(90)));
            long pid0 = cluster.nodePid(0).orElseThrow();
            long pid1 = cluster.nodePid(1).orElseThrow();
            CleanupScope mine = CleanupScope.session(engine.sessionId());

            List<Leftover> found = ProcessNodes.find(mine);
            assertEquals(List.of(new Leftover(ProcessNodes.KIND, "node-0 (pid " + pid0 + ")", engine.sessionId(), "cleanup1", false),
                    new Leftover(ProcessNodes.KIND, "node-1 (pid " + pid1 + ")", engine.sessionId(), "cleanup1", false)),
                    found.stream().sorted(java.util.Comparator.comparing(Leftover::name)).toList());
            assertEquals(List.of(), ProcessNodes.find(CleanupScope.session("another-session")));
            assertEquals(List.of(), ProcessNodes.find(CleanupScope.keptCluster("cleanup1")), "process clusters are never kept");
            assertTrue(ProcessNodes.find(CleanupScope.everything()).containsAll(found));

            // A paused node ignores SIGTERM until continued: the case an orchestrator killed mid-fault leaves.
            cluster.fault(1, FaultAction.PAUSE);
            List<Leftover> stopped = ProcessNodes.stop(mine);
            assertEquals(2, stopped.size(), stopped.toString());
            for (long pid : List.of(pid0, pid1)) {
                ProcessHandle.of(pid).ifPresent(p -> p.onExit().orTimeout(10, TimeUnit.SECONDS).join());
                assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "pid " + pid + " is gone");
            }
            assertEquals(List.of(), ProcessNodes.find(mine));
        }
    }
}
