package io.repram.orchestrate.engine.process;

import io.repram.orchestrate.engine.Reason;
import io.repram.orchestrate.engine.Await;
import io.repram.orchestrate.engine.ClusterSpec;
import io.repram.orchestrate.engine.EngineException;
import io.repram.orchestrate.engine.FaultAction;
import io.repram.orchestrate.engine.NodeEndpoint;
import io.repram.orchestrate.engine.NodeStatsSample;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One real 3-node cluster of child JVMs, shared by the ordered steps below (starting it is the slow part). */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProcessEngineClusterTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1)).build();
    private static ProcessEngine engine;
    private static ProcessCluster cluster;

    @BeforeAll
    static void startCluster() throws EngineException {
        engine = new ProcessEngine(NodeJar.path());
        cluster = engine.start(new ClusterSpec("test", "process-cluster", 3, "process", Map.of(), null, null, 0,
                Duration.ofSeconds(90)));
    }

    @AfterAll
    static void closeEngine() {
        if (engine != null) engine.close();
    }

    @Test
    @Order(1)
    void everyNodeIsAChildJvmOnItsOwnLoopbackPort() throws EngineException {
        assertEquals(3, cluster.size());
        assertEquals(3, cluster.nodes().stream().map(NodeEndpoint::httpPort).distinct().count());
        for (NodeEndpoint node : cluster.nodes()) {
            assertEquals("127.0.0.1", node.host());
            long pid = cluster.nodePid(node.index()).orElseThrow();
            assertEquals(ProcessHandle.current().pid(), ProcessHandle.of(pid).orElseThrow().parent().orElseThrow().pid());
        }
    }

    @Test
    @Order(1)
    void everyNodeRunsInItsOwnSessionAndSoItsOwnSchedulingGroup() throws Exception {
        String ours = Files.readString(Path.of("/proc/self/autogroup")).strip();
        java.util.Set<String> groups = new java.util.HashSet<>();
        for (NodeEndpoint node : cluster.nodes()) {
            long pid = cluster.nodePid(node.index()).orElseThrow();
            // /proc/PID/stat: "pid (comm) state ppid pgrp session ..."; comm may hold spaces, so after ')'.
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] afterComm = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            assertEquals(Long.toString(pid), afterComm[3], "node-" + node.index() + " leads its own session: " + stat);
            String group = Files.readString(Path.of("/proc/" + pid + "/autogroup")).strip();
            assertFalse(group.equals(ours), "node-" + node.index() + " shares the orchestrator's group " + ours);
            groups.add(group);
        }
        assertEquals(3, groups.size(), "one scheduling group per node: " + groups);
    }

    @Test
    @Order(2)
    void aValuePutOnNodeZeroIsReadableFromTheOtherProcesses() throws Exception {
        HttpResponse<String> put = send(HttpRequest.newBuilder(uri(0, "/v1/data/process-key?ttl=600"))
                .PUT(HttpRequest.BodyPublishers.ofString("hello from node-0")));
        assertEquals(201, put.statusCode(), put.body());
        for (int i = 1; i <= 2; i++) {
            HttpResponse<String> get = awaitGet(i, "/v1/data/process-key");
            assertEquals(200, get.statusCode(), "node-" + i + ": " + get.body());
            assertEquals("hello from node-0", get.body());
        }
    }

    @Test
    @Order(3)
    void statsSamplesReportCpuAndMemoryOfEveryNode() throws Exception {
        Map<Integer, NodeStatsSample> busiest = new ConcurrentHashMap<>();
        try (AutoCloseable sampling = cluster.stats(s -> busiest.merge(s.nodeIndex(), s,
                (a, b) -> a.cpuPercent() >= b.cpuPercent() ? a : b))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            // Some bounded work so every node burns measurable CPU between two samples.
            for (int round = 0; round < 400 && !allBusy(busiest) && System.nanoTime() < deadline; round++) {
                for (int i = 0; i < 3; i++) send(HttpRequest.newBuilder(uri(i, "/v1/health")).GET());
                if (round % 20 == 19) Thread.sleep(200);
            }
            Await.until(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())), () -> allBusy(busiest));
        }
        assertEquals(3, busiest.size(), "a sample from every node: " + busiest);
        for (NodeStatsSample s : busiest.values()) {
            assertTrue(s.cpuPercent() > 0, "cpu of " + s);
            assertTrue(s.memoryBytes() > 0, "memory of " + s);
            assertTrue(s.memoryLimitBytes() >= s.memoryBytes(), "limit of " + s);
            assertEquals("node-" + s.nodeIndex(), s.nodeId());
        }
    }

    private static boolean allBusy(Map<Integer, NodeStatsSample> samples) {
        return samples.size() == 3 && samples.values().stream().allMatch(s -> s.cpuPercent() > 0 && s.memoryBytes() > 0);
    }

    @Test
    @Order(4)
    void disconnectIsRefusedWithAPointerToTheDockerDriver() {
        EngineException e = assertThrows(EngineException.class, () -> cluster.fault(1, FaultAction.DISCONNECT));
        assertEquals(Reason.BAD_INPUT, e.reason());
        assertTrue(e.getMessage().contains("--driver docker"), e.getMessage());
    }

    @Test
    @Order(5)
    void pausedNodeStopsAnsweringAndResumesAfterUnpause() throws Exception {
        cluster.fault(1, FaultAction.PAUSE);
        assertFalse(healthy(1), "a SIGSTOPped node cannot answer");
        cluster.fault(1, FaultAction.UNPAUSE);
        assertTrue(awaitHealthy(1, 10), "node-1 answers again after SIGCONT");
    }

    @Test
    @Order(6)
    void killedNodeIsGoneAndStartBringsItBackOnTheSamePort() throws Exception {
        long pid = cluster.nodePid(2).orElseThrow();
        cluster.fault(2, FaultAction.KILL);
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "pid " + pid + " still alive");
        assertTrue(cluster.nodePid(2).isEmpty());
        assertFalse(healthy(2));
        assertTrue(cluster.logs(2, 20).length() > 0, "the log of a killed node stays readable");

        cluster.fault(2, FaultAction.START);
        assertTrue(cluster.nodePid(2).isPresent());
        assertTrue(awaitHealthy(2, 60), "restarted node-2 answers on " + cluster.nodes().get(2).baseUri());
    }

    @Test
    @Order(7)
    void closeLeavesNoChildProcessBehind() {
        List<ProcessHandle> nodes = cluster.nodes().stream()
                .map(n -> pidOf(n.index())).map(pid -> ProcessHandle.of(pid).orElseThrow()).toList();
        engine.close();
        assertEquals(List.of(), ProcessHandle.current().descendants().map(ProcessHandle::pid).toList());
        nodes.forEach(h -> assertFalse(h.isAlive(), "node pid " + h.pid() + " survived close()"));
    }

    private static long pidOf(int index) {
        return cluster.nodePid(index).orElseThrow();
    }

    private static java.net.URI uri(int node, String path) {
        return cluster.nodes().get(node).baseUri().resolve(path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Gossip is asynchronous: poll a little while for the value to arrive. */
    private static HttpResponse<String> awaitGet(int node, String path) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(node, path)).GET());
        while (response.statusCode() == 404 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            response = send(HttpRequest.newBuilder(uri(node, path)).GET());
        }
        return response;
    }

    private static boolean awaitHealthy(int node, int seconds) {
        return Await.until(Duration.ofSeconds(seconds), () -> healthy(node));
    }

    private static boolean healthy(int node) {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri(node, "/v1/health")).timeout(Duration.ofSeconds(1)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
