package io.repram.orchestrate.engine.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.HostConfig;
import io.repram.orchestrate.engine.Await;
import io.repram.orchestrate.engine.ClusterSpec;
import io.repram.orchestrate.engine.EngineDetails;
import io.repram.orchestrate.engine.NetworkMode;
import io.repram.orchestrate.engine.NodeEndpoint;
import io.repram.orchestrate.engine.Placement;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * node.network host: two nodes on this machine's network replicate a PUT, listen on 127.0.0.1
 * alone, run on the CPUs asked for, and leave no container (and no network) behind.
 */
@Tag("docker")
class DockerHostNetworkTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void twoNodesOnTheHostNetworkReplicateAndLeaveNothingBehind() throws Exception {
        int cpus = Runtime.getRuntime().availableProcessors();
        List<String> cpusets = List.of("0", cpus > 1 ? "1" : "0");
        String runId = "hn" + Long.toHexString(System.nanoTime()).substring(0, 6);
        // Kept-cluster labels, so `cluster ls` and `monitor` can be asked for its ports; close() still removes it.
        DockerEngine engine = new DockerEngine(new DockerEngine.Options(DockerEngineTest.nodeJar(), false, true,
                System.out::println));
        String session = DockerLabels.filter(DockerLabels.SESSION, engine.sessionId());
        try (DockerClient docker = DockerConnection.open()) {
            try {
                DockerCluster cluster = engine.start(new ClusterSpec(runId, "host-net-it", 2, ImageBuilder.DEFAULT_TAG,
                        Map.of(), null, null, 0, Duration.ofSeconds(90)).withPlacement(NetworkMode.HOST, cpusets));
                assertEquals(NetworkMode.HOST, cluster.network());
                for (NodeEndpoint n : cluster.nodes()) {
                    HostConfig host = docker.inspectContainerCmd(NodeContainerPlan.containerName(runId, n.index())).exec()
                            .getHostConfig();
                    assertEquals("host", host.getNetworkMode());
                    assertEquals(cpusets.get(n.index()), host.getCpusetCpus(), "node " + n.index() + "'s cpuset");
                    assertTrue(host.getPortBindings() == null || host.getPortBindings().getBindings().isEmpty(),
                            "nothing published, so no NAT: " + host.getPortBindings());
                    assertEquals("127.0.0.1", n.host());
                }
                assertTrue(docker.listNetworksCmd().withFilter("label", List.of(session)).exec().isEmpty(),
                        "host networking makes no network of the cluster's own");
                try (DockerAdmin admin = DockerAdmin.connect()) {
                    DockerAdmin.KeptCluster kept = admin.keptClusters().stream().filter(c -> c.runId().equals(runId))
                            .findFirst().orElseThrow();
                    assertEquals(cluster.nodes().stream().map(NodeEndpoint::httpPort).toList(),
                            kept.nodes().stream().map(DockerAdmin.KeptNode::hostPort).toList(),
                            "cluster ls and monitor find the ports that nothing publishes");
                }

                byte[] value = "over the host's loopback".getBytes(StandardCharsets.UTF_8);
                HttpResponse<String> put = http.send(HttpRequest.newBuilder(cluster.nodes().get(0).baseUri()
                        .resolve("/v1/data/hn-key?ttl=600")).PUT(HttpRequest.BodyPublishers.ofByteArray(value)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(201, put.statusCode(), put.body());
                URI other = cluster.nodes().get(1).baseUri().resolve("/v1/data/hn-key");
                HttpResponse<byte[]> get = Await.value(Duration.ofSeconds(5), () -> getBytes(other), r -> r.statusCode() == 200);
                assertArrayEquals(value, get.body(), "node-1 has node-0's write");

                // Listening on 127.0.0.1 only: the machine's other addresses must refuse the port.
                Optional<InetAddress> external = externalAddress();
                for (NodeEndpoint n : cluster.nodes()) {
                    external.ifPresent(a -> assertFalse(connects(a, n.httpPort()),
                            "node " + n.index() + " must not listen on " + a.getHostAddress() + ":" + n.httpPort()));
                }

                EngineDetails details = engine.details();
                assertNotNull(details);
                assertEquals(List.of("host", "host"), details.placement().stream().map(Placement::network).toList());
                assertEquals(cpusets, details.placement().stream().map(Placement::cpuset).toList());
            } finally {
                engine.close();
            }
            List<String> left = Await.value(Duration.ofSeconds(10), () -> {
                List<String> l = new java.util.ArrayList<>();
                docker.listContainersCmd().withShowAll(true).withLabelFilter(List.of(session)).exec()
                        .forEach(c -> l.add("container " + String.join(",", c.getNames())));
                docker.listNetworksCmd().withFilter("label", List.of(session)).exec().forEach(n -> l.add("network " + n.getName()));
                return l;
            }, List::isEmpty);
            assertEquals(List.of(), left, "left after close");
        }
    }

    private HttpResponse<byte[]> getBytes(URI uri) {
        try {
            return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Optional<InetAddress> externalAddress() throws IOException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) continue;
            for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                if (a instanceof Inet4Address) return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    private static boolean connects(InetAddress address, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(address, port), 1000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
