package io.repram.orchestrate.engine;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every {@link Engine} promises, run over each engine by a small subclass (as HdrHistogram
 * runs one suite over every histogram): a started cluster is healthy and meshed, its stats arrive,
 * a killed node comes back with START, its logs are readable, and closing leaves nothing behind.
 * One 2-node cluster is shared by the ordered steps, since starting it is the slow part.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public abstract class EngineContract {
    protected static final int SIZE = 2;
    private final NodeProbe probe = new NodeProbe();
    private Engine engine;
    private RunningCluster cluster;
    private Supplier<List<String>> leftovers;

    /** A fresh engine of the kind under test. */
    protected abstract Engine newEngine() throws Exception;

    /** The image (or its stand-in) the engine runs. */
    protected abstract String image();

    /**
     * Called while the cluster runs; the supplier, called after the engine closed, names
     * whatever of the engine's session is still there (processes, containers, networks, services).
     */
    protected abstract Supplier<List<String>> leftovers(Engine engine, RunningCluster cluster);

    /** The shared cluster, for steps a subclass adds. */
    protected RunningCluster cluster() {
        return cluster;
    }

    /** The shared cluster's spec; a subclass may place it differently (another network). */
    protected ClusterSpec spec(String runId) {
        return new ClusterSpec(runId, "engine-contract", SIZE, image(), Map.of(), null, null, 0, Duration.ofSeconds(90));
    }

    /**
     * Whether this engine's nodes have network counters of their own: a container on its own
     * network does; the host's network (every process node, Docker's host mode) and the swarm
     * driver's metrics scrape do not, and their samples must say unknown rather than 0.
     */
    protected boolean nodesHaveNetworkCounters() {
        return false;
    }

    protected Duration cleanupWithin() {
        return Duration.ofSeconds(5);
    }

    @BeforeAll
    void start() throws Exception {
        engine = newEngine();
        String runId = "ct" + Long.toHexString(System.nanoTime()).substring(0, 6);
        cluster = engine.start(spec(runId));
        leftovers = leftovers(engine, cluster);
    }

    @AfterAll
    void closeEngine() {
        if (engine != null) engine.close();
    }

    @Test
    @Order(1)
    void startedNodesAreHealthyOnLoopbackAndSeeEachOther() {
        assertEquals(SIZE, cluster.size());
        assertEquals(SIZE, cluster.nodes().stream().map(NodeEndpoint::httpPort).distinct().count());
        for (NodeEndpoint n : cluster.nodes()) {
            assertEquals("127.0.0.1", n.host());
            assertTrue(probe.healthy(n.baseUri()), n + " is healthy");
            assertEquals(SIZE - 1, probe.peerCount(n.baseUri()), n + " sees its peer");
        }
    }

    @Test
    @Order(2)
    void statsArriveForEveryNode() throws Exception {
        List<NodeStatsSample> samples = new CopyOnWriteArrayList<>();
        try (AutoCloseable ignored = cluster.stats(samples::add)) {
            assertTrue(Await.until(Duration.ofSeconds(15), () -> samples.stream()
                    .filter(s -> s.memoryBytes() > 0).map(NodeStatsSample::nodeIndex).distinct().count() == SIZE),
                    "a sample with memory from every node: " + samples);
        }
        for (NodeStatsSample s : samples) {
            assertEquals("node-" + s.nodeIndex(), s.nodeId(), s.toString());
            assertTrue(s.memoryLimitBytes() >= s.memoryBytes(), s.toString());
            if (nodesHaveNetworkCounters()) {
                // Health checks and the mesh's gossip have crossed the node's network by now.
                assertTrue(s.netRxBytes() > 0 && s.netTxBytes() > 0, "network counters: " + s);
            } else {
                assertEquals(NodeStatsSample.UNKNOWN, s.netRxBytes(), "no counters of its own, not 0: " + s);
                assertEquals(NodeStatsSample.UNKNOWN, s.netTxBytes(), s.toString());
            }
        }
    }

    @Test
    @Order(3)
    void aKilledNodeIsDownAndStartBringsItBackOnItsPort() throws Exception {
        URI node1 = cluster.nodes().get(1).baseUri();
        cluster.fault(1, FaultAction.KILL);
        assertTrue(Await.until(Duration.ofSeconds(10), () -> !probe.healthy(node1)), "a killed node stops answering");
        cluster.fault(1, FaultAction.START);
        assertTrue(Await.until(Duration.ofSeconds(60), () -> probe.healthy(node1)), "node-1 answers again on " + node1);
    }

    @Test
    @Order(4)
    void logsOfANodeAreReadable() {
        String logs = cluster.logs(0, 20);
        assertFalse(logs.isBlank(), "node-0 wrote a log");
        assertFalse(logs.startsWith("(no log"), logs);
    }

    @Test
    @Order(5)
    void closingLeavesNothingBehind() {
        cluster.close();
        for (NodeEndpoint n : cluster.nodes()) {
            assertTrue(Await.until(Duration.ofSeconds(10), () -> !probe.healthy(n.baseUri())), n + " is gone after close");
        }
        engine.close();
        List<String> left = Await.value(cleanupWithin(), leftovers, List::isEmpty);
        assertEquals(List.of(), left, "left after close");
    }
}
