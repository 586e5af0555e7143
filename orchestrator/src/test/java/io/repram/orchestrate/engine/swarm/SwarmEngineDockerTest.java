package io.repram.orchestrate.engine.swarm;

import io.repram.orchestrate.engine.RunningCluster;
import io.repram.orchestrate.engine.Await;
import io.repram.orchestrate.engine.ClusterSpec;
import io.repram.orchestrate.engine.FaultAction;
import io.repram.orchestrate.engine.NodeStatsSample;
import io.repram.orchestrate.engine.Placement;
import io.repram.orchestrate.engine.docker.DockerLabels;
import io.repram.orchestrate.engine.docker.ImageBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The swarm driver against a real single-node swarm (created on 127.0.0.1 if there is none). */
@Tag("docker")
class SwarmEngineDockerTest {
    private static TestSwarm swarm;
    private final Path nodeJar = Path.of(System.getProperty("repram.node.jar"));
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void swarm() throws Exception {
        swarm = TestSwarm.ensure();
    }

    @AfterAll
    static void leave() {
        if (swarm != null) swarm.close();
    }

    @Test
    void threeNodeClusterReplicatesThroughTheGatewayRecordsPlacementAndLeavesNothing() throws Exception {
        String runId = "sw" + Long.toHexString(System.nanoTime()).substring(0, 6);
        SwarmEngine engine = new SwarmEngine(new SwarmEngine.Options(nodeJar, null, System.out::println));
        String session = engine.sessionId();
        try {
            RunningCluster cluster = engine.start(new ClusterSpec(runId, "swarm-it", 3, ImageBuilder.DEFAULT_TAG,
                    Map.of("REPRAM_REPLICATION_FACTOR", "3"), 0.5, 384L << 20, 0, Duration.ofSeconds(120)));
            assertEquals(3, cluster.size());
            cluster.nodes().forEach(n -> assertEquals("127.0.0.1", n.host()));

            URI put = cluster.nodes().get(0).baseUri().resolve("/v1/data/swarm-key?ttl=300");
            HttpResponse<String> written = http.send(HttpRequest.newBuilder(put)
                    .PUT(HttpRequest.BodyPublishers.ofString("across the overlay")).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(written.statusCode() == 201 || written.statusCode() == 202, written.statusCode() + " " + written.body());
            assertEquals("across the overlay", awaitValue(cluster.nodes().get(2).baseUri().resolve("/v1/data/swarm-key")));

            List<Placement> placement = cluster.placement();
            assertEquals(3, placement.size());
            String hostname = swarm.docker().infoCmd().exec().getName();
            for (Placement p : placement) {
                assertEquals(hostname, p.hostname(), p.toString());
                assertFalse(p.hostId().isBlank(), p.toString());
                assertEquals("repram-" + runId + "-node-" + p.nodeIndex(), p.service());
            }
            assertEquals(3, engine.details().placement().size());

            List<NodeStatsSample> samples = new CopyOnWriteArrayList<>();
            try (AutoCloseable stats = cluster.stats(samples::add)) {
                Await.until(Duration.ofSeconds(15), () -> samples.stream().map(NodeStatsSample::nodeIndex).distinct().count() == 3);
            }
            assertEquals(3, samples.stream().map(NodeStatsSample::nodeIndex).distinct().count(), "stats of every node");
            assertTrue(engine.details().statsSource().startsWith("docker stats"), engine.details().statsSource());
            assertEquals(384L << 20, samples.get(0).memoryLimitBytes(), "the service's memory limit reached the container");

            cluster.fault(1, FaultAction.PAUSE);
            cluster.fault(1, FaultAction.UNPAUSE);
            List<NodeStatsSample> later = new CopyOnWriteArrayList<>();
            try (AutoCloseable stats = cluster.stats(later::add)) {
                cluster.fault(2, FaultAction.KILL);
                assertFalse(new io.repram.orchestrate.engine.NodeProbe().healthy(cluster.nodes().get(2).baseUri()), "killed");
                cluster.fault(2, FaultAction.START);
                assertTrue(awaitHealthy(cluster.nodes().get(2).baseUri()), "node 2 answers again after KILL + START");
                long restartedAt = System.currentTimeMillis();
                Await.until(Duration.ofSeconds(15),
                        () -> later.stream().anyMatch(x -> x.nodeIndex() == 2 && x.epochMillis() > restartedAt + 500));
                assertTrue(later.stream().anyMatch(x -> x.nodeIndex() == 2 && x.epochMillis() > restartedAt + 500),
                        "the stats follow node 2 into its fresh task's container");
            }
            var refused = assertThrows(io.repram.orchestrate.engine.EngineException.class,
                    () -> cluster.fault(1, FaultAction.DISCONNECT));
            assertTrue(refused.getMessage().contains("not supported by the swarm driver"), refused.getMessage());
            assertTrue(cluster.logs(0, 20).length() > 0);

            cluster.close();
            assertEquals(List.of(), swarm.awaitNoLeftovers(DockerLabels.RUN + "=" + runId, 15_000), "left after stop");
        } finally {
            engine.close();
        }
        assertEquals(List.of(), swarm.awaitNoLeftovers(DockerLabels.SESSION + "=" + session, 15_000), "left after close");
    }

    /**
     * The agents' service and gateway for real, with the node image standing in for the agent
     * program (the agent command is not in this branch): two tasks, each reached on its own
     * loopback port by task name, and nothing left after the launcher closes.
     */
    @Test
    void agentLauncherRunsAReplicatedServiceReachedPerTaskThroughAGateway() throws Exception {
        String runId = "swa" + Long.toHexString(System.nanoTime()).substring(0, 6);
        SwarmEngine engine = new SwarmEngine(new SwarmEngine.Options(nodeJar, null, System.out::println));
        try {
            RunningCluster cluster = engine.start(new ClusterSpec(runId, "swarm-agents-it", 1, ImageBuilder.DEFAULT_TAG,
                    Map.of(), null, null, 0, Duration.ofSeconds(90)));
            SwarmAgentLauncher launcher = (SwarmAgentLauncher) engine.agentLauncher().orElseThrow();
            assertEquals("swarm", launcher.name());
            List<io.repram.orchestrate.engine.AgentEndpoint> agents = launcher.launch(cluster.cluster(), 2, Duration.ofSeconds(90),
                    new ServiceSpecs.TaskProgram(ImageBuilder.DEFAULT_TAG, List.of(),
                            Map.of("REPRAM_ADDRESS", "agent-standin"), 8080, "/v1/health"));
            assertEquals(2, agents.size());
            assertTrue(agents.get(0).controlUri().toString().startsWith("http://127.0.0.1:"));
            assertFalse(agents.get(0).controlUri().equals(agents.get(1).controlUri()));
            for (var a : agents) {
                assertEquals(List.of(URI.create("http://repram-" + runId + "-node-0:8080")), a.nodeTargets());
                assertTrue(a.placement().startsWith("swarm node "), a.placement());
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(a.controlUri().resolve("/v1/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, health.statusCode(), a + ": " + health.body());
            }
            List<String> running = swarm.leftovers(DockerLabels.RUN + "=" + runId);
            assertTrue(running.contains("service repram-" + runId + "-agent"), running.toString());
            assertTrue(running.contains("container /repram-" + runId + "-agent-gateway"), running.toString());
            launcher.close();
            List<String> left = swarm.leftovers(DockerLabels.RUN + "=" + runId).stream()
                    .filter(s -> s.contains("-agent")).toList();
            assertEquals(List.of(), left, "agents left after the launcher closed");
        } finally {
            engine.close();
        }
    }

    private static boolean awaitHealthy(URI base) {
        var probe = new io.repram.orchestrate.engine.NodeProbe();
        return Await.until(Duration.ofSeconds(20), () -> probe.healthy(base));
    }

    private String awaitValue(URI uri) {
        HttpResponse<String> r = Await.value(Duration.ofSeconds(10), () -> get(uri), x -> x.statusCode() == 200);
        return r.statusCode() == 200 ? r.body() : "HTTP " + r.statusCode() + " " + r.body();
    }

    private HttpResponse<String> get(URI uri) {
        try {
            return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aKilledOrchestratorHoldingASwarmClusterLeavesNothingBehind() throws Exception {
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SwarmEngineHolderMain.class.getName(), nodeJar.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String session = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith(SwarmEngineHolderMain.SESSION_PREFIX)) session = line.substring(SwarmEngineHolderMain.SESSION_PREFIX.length());
                if (line.equals(SwarmEngineHolderMain.READY)) break;
            }
            assertNotNull(session, "the holder printed no session");
            String bySession = DockerLabels.SESSION + "=" + session;
            assertFalse(swarm.leftovers(bySession).stream().noneMatch(s -> s.startsWith("service ")),
                    "the holder's service exists: " + swarm.leftovers(bySession));
            long killedAt = System.nanoTime();
            holder.destroyForcibly(); // SIGKILL: no shutdown hook, no finally
            holder.waitFor(10, TimeUnit.SECONDS);
            assertEquals(List.of(), swarm.awaitNoLeftovers(bySession, 45_000), "session " + session + " not reaped");
            System.out.printf("swarm kill -9 -> session clean in %.1f s%n", (System.nanoTime() - killedAt) / 1e9);
        } finally {
            holder.destroyForcibly();
        }
    }
}
