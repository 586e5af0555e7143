package io.repram.orchestrate.engine.docker;

import io.repram.orchestrate.engine.Reason;
import com.github.dockerjava.api.DockerClient;
import io.repram.orchestrate.engine.Await;
import io.repram.orchestrate.engine.ClusterSpec;
import io.repram.orchestrate.engine.EngineException;
import io.repram.orchestrate.engine.FaultAction;
import io.repram.orchestrate.engine.NetworkMode;
import io.repram.orchestrate.engine.NodeProbe;
import io.repram.orchestrate.engine.NodeStatsSample;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

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
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One image build and one 3-node cluster, shared by the steps below to keep the 2-core box quick. */
@Tag("docker")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DockerEngineTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private DockerEngine engine;
    private DockerCluster cluster;
    private Path nodeJar;

    /** REPRAM_NODE_JAR wins over the repram.node.jar property that the pom sets. */
    static Path nodeJar() {
        String env = System.getenv("REPRAM_NODE_JAR");
        return Path.of(env != null ? env : System.getProperty("repram.node.jar", "../node/target/repram-node.jar"));
    }

    @BeforeAll
    void connect() throws Exception {
        nodeJar = nodeJar();
        boolean hasNode;
        try (ZipFile zip = new ZipFile(nodeJar.toFile())) {
            hasNode = zip.getEntry("io/repram/node/Main.class") != null;
        } catch (java.io.IOException e) {
            hasNode = false;
        }
        assertTrue(hasNode, "no node jar with io.repram.node.Main at " + nodeJar + ": build the node module first");
        engine = new DockerEngine(new DockerEngine.Options(nodeJar, false, false, System.out::println));
    }

    @AfterAll
    void closeEngine() {
        if (engine != null) engine.close();
    }

    @Test
    @Order(1)
    void buildsTheImageOnceAndSkipsAnUnchangedJar() throws Exception {
        ImageBuilder builder = new ImageBuilder(engine.client(), engine.sessionId(), System.out::println);
        ImageBuilder.Result first = builder.build(nodeJar, false);
        String label = engine.client().inspectImageCmd(ImageBuilder.DEFAULT_TAG).exec().getConfig().getLabels()
                .get(DockerLabels.JAR_SHA256);
        assertEquals(ImageBuilder.sha256(nodeJar), label);
        ImageBuilder.Result second = builder.build(nodeJar, false);
        assertFalse(second.rebuilt(), "an unchanged jar must not rebuild the image");
        assertEquals(first.imageId(), second.imageId());
    }

    @Test
    @Order(2)
    void clusterReplicatesAPutToAnotherNode() throws Exception {
        // The bridge: these steps count the cluster's network and its per-node network counters.
        cluster = engine.start(new ClusterSpec("it" + Long.toHexString(System.nanoTime()).substring(0, 6), "docker-it", 3,
                ImageBuilder.DEFAULT_TAG, Map.of(), null, null, 0, Duration.ofSeconds(90))
                .withPlacement(NetworkMode.BRIDGE, List.of()));
        assertEquals(3, cluster.size());
        cluster.nodes().forEach(n -> assertEquals("127.0.0.1", n.host()));
        byte[] value = "replicated through docker".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(cluster.nodes().get(0).baseUri().resolve("/v1/data/it-key?ttl=600"))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(value)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, put.statusCode(), put.body());
        URI node2 = cluster.nodes().get(2).baseUri().resolve("/v1/data/it-key");
        HttpResponse<byte[]> get = Await.value(Duration.ofSeconds(5), () -> getBytes(node2), r -> r.statusCode() == 200);
        assertEquals(200, get.statusCode());
        assertArrayEquals(value, get.body());
    }

    @Test
    @Order(3)
    void statsStreamDeliversSamplesForEveryNode() throws Exception {
        List<NodeStatsSample> samples = new CopyOnWriteArrayList<>();
        try (AutoCloseable ignored = cluster.stats(samples::add)) {
            Await.until(Duration.ofSeconds(10), () -> samples.stream().map(NodeStatsSample::nodeIndex).distinct().count() == 3);
        }
        assertEquals(3, samples.stream().map(NodeStatsSample::nodeIndex).distinct().count(), "samples: " + samples);
        for (NodeStatsSample s : samples) {
            assertTrue(s.memoryBytes() > 1_000_000, "a JVM uses more than 1 MB: " + s);
            assertTrue(s.memoryLimitBytes() >= s.memoryBytes(), s.toString());
            assertTrue(s.cpuPercent() >= 0 && s.cpuPercent() <= 100.0 * Runtime.getRuntime().availableProcessors() + 1, s.toString());
            assertTrue(s.netRxBytes() > 0, "the node received our requests: " + s);
        }
        int before = samples.size();
        // The daemon keeps pushing frames: two more per node on a fresh handle prove that frames
        // flowed meanwhile, and none of them reached the closed one.
        List<NodeStatsSample> fresh = new CopyOnWriteArrayList<>();
        try (AutoCloseable ignored = cluster.stats(fresh::add)) {
            assertTrue(Await.until(Duration.ofSeconds(10), () -> fresh.size() >= 6), "samples of a fresh handle: " + fresh);
        }
        assertEquals(before, samples.size(), "closing the handle stops the streams");
    }

    @Test
    @Order(4)
    void pauseFreezesANodeAndUnpauseBringsItBack() throws Exception {
        NodeProbe probe = new NodeProbe();
        URI node1 = cluster.nodes().get(1).baseUri();
        cluster.fault(1, FaultAction.PAUSE);
        assertFalse(probe.healthy(node1), "a paused node must not answer");
        cluster.fault(1, FaultAction.UNPAUSE);
        assertTrue(healthyWithin(probe, node1, Duration.ofSeconds(10), true), "an unpaused node answers again");
    }

    @Test
    @Order(5)
    void killAndStartBringANodeBackOnTheSamePortAndItsStatsResume() throws Exception {
        NodeProbe probe = new NodeProbe();
        URI node2 = cluster.nodes().get(2).baseUri();
        List<NodeStatsSample> samples = new CopyOnWriteArrayList<>();
        try (AutoCloseable ignored = cluster.stats(samples::add)) {
            cluster.fault(2, FaultAction.KILL);
            assertFalse(probe.healthy(node2), "a killed node must not answer");
            cluster.fault(2, FaultAction.START);
            long restarted = System.currentTimeMillis();
            assertTrue(healthyWithin(probe, node2, Duration.ofSeconds(20), true), "a restarted node answers on its old port");
            Await.until(Duration.ofSeconds(10), () -> samples.stream()
                    .anyMatch(s -> s.nodeIndex() == 2 && s.epochMillis() > restarted + 500 && s.memoryBytes() > 0));
            assertTrue(samples.stream().anyMatch(s -> s.nodeIndex() == 2 && s.epochMillis() > restarted + 500
                    && s.memoryBytes() > 0), "stats of the restarted node resume: " + samples);
        }
    }

    @Test
    @Order(6)
    void aForeignImageThatIsMissingFailsWithImageMissing() {
        EngineException e = assertThrows(EngineException.class, () -> engine.start(new ClusterSpec("missing1", "docker-it", 1,
                "repram-no-such-image:0", Map.of(), null, null, 0, Duration.ofSeconds(5))));
        assertEquals(Reason.IMAGE_MISSING, e.reason());
        assertTrue(e.getMessage().contains("repram-no-such-image:0"), e.getMessage());
    }

    @Test
    @Order(6)
    void aNodeThatExitsAtStartKeepsItsWholeLogAfterItsContainerIsRemoved(@TempDir Path logs) throws Exception {
        // The node cannot bind an address the container does not have (TEST-NET-3), and exits.
        ClusterSpec spec = new ClusterSpec("badbind" + Long.toHexString(System.nanoTime()).substring(0, 4), "docker-it", 1,
                ImageBuilder.DEFAULT_TAG, Map.of("REPRAM_BIND_ADDRESS", "203.0.113.7"), null, null, 0,
                Duration.ofSeconds(60), logs.resolve("1nodes")).withPlacement(NetworkMode.BRIDGE, List.of());
        EngineException e = assertThrows(EngineException.class, () -> engine.start(spec));
        assertEquals(Reason.NODE_UNHEALTHY, e.reason(), e.getMessage());
        assertTrue(e.getMessage().contains("The nodes' whole logs are kept in " + logs.resolve("1nodes")), e.getMessage());
        String kept = java.nio.file.Files.readString(spec.nodeLog(0));
        assertTrue(kept.contains("repram-node:"), "the node's own output: " + kept);
        try (DockerClient docker = DockerConnection.open()) {
            assertTrue(docker.listContainersCmd().withShowAll(true).withLabelFilter(List.of(
                    DockerLabels.filter(DockerLabels.RUN, spec.runId()))).exec().isEmpty(), "the container is removed");
        }
    }

    @Test
    @Order(7)
    void closeLeavesNothingLabelled() throws Exception {
        String session = DockerLabels.filter(DockerLabels.SESSION, engine.sessionId());
        try (DockerClient docker = DockerConnection.open()) {
            assertEquals(3, docker.listContainersCmd().withShowAll(true).withLabelFilter(List.of(session,
                    DockerLabels.filter(DockerLabels.ROLE, DockerLabels.ROLE_NODE))).exec().size());
            assertEquals(1, docker.listContainersCmd().withLabelFilter(List.of(session,
                    DockerLabels.filter(DockerLabels.ROLE, DockerLabels.ROLE_REAPER))).exec().size(), "the session's reaper runs");
            assertEquals(1, docker.listNetworksCmd().withFilter("label", List.of(session)).exec().size());
            engine.close();
            assertTrue(docker.listContainersCmd().withShowAll(true).withLabelFilter(List.of(session)).exec().isEmpty());
            assertTrue(docker.listNetworksCmd().withFilter("label", List.of(session)).exec().isEmpty());
        }
    }

    private static boolean healthyWithin(NodeProbe probe, URI node, Duration within, boolean wanted) {
        return Await.until(within, () -> probe.healthy(node) == wanted);
    }

    private HttpResponse<byte[]> getBytes(URI uri) {
        try {
            return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
