package io.repram.orchestrate.engine.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import io.repram.orchestrate.engine.EngineException;
import io.repram.orchestrate.engine.NodeEnv;
import io.repram.orchestrate.engine.NodeProbe;
import io.repram.orchestrate.engine.Readiness;
import io.repram.orchestrate.engine.Reason;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Records an AppCDS archive by running the freshly built base image once: the node starts, serves
 * the requests a load test makes, and at SIGTERM the JVM writes every class it loaded
 * (-XX:ArchiveClassesAtExit). Nodes then map those classes instead of parsing them from the jar.
 */
final class CdsTrainer {
    private static final String TRAINING_ARCHIVE = "/tmp/app.jsa";
    private static final Readiness TRAINING_HEALTH = Readiness.every(Duration.ofMillis(100), "the CDS training node");
    /** Peering with itself makes the node run its bootstrap client too, as nodes 1..N do. */
    static final List<String> TRAINING_ENV = List.of("REPRAM_NODE_ID=cds-training", "REPRAM_ADDRESS=cds-training",
            "REPRAM_HTTP_PORT=8080", "REPRAM_NETWORK=private", NodeEnv.RATE_LIMIT + "=" + NodeEnv.UNLIMITED_RATE,
            "REPRAM_PEERS=cds-training:8080");
    private final DockerClient docker;
    private final String sessionId;
    private final boolean reaped;
    private final Consumer<String> progress;

    CdsTrainer(DockerClient docker, String sessionId, boolean reaped, Consumer<String> progress) {
        this.docker = docker;
        this.sessionId = sessionId;
        this.reaped = reaped;
        this.progress = progress;
    }

    /** @return true when {@code archiveOut} now holds the archive; false (with a warning) otherwise */
    boolean record(String baseImageId, Path archiveOut) {
        List<String> entry = new ArrayList<>();
        entry.add(ImageBuilder.JRE_JAVA);
        entry.addAll(ImageBuilder.JVM_FLAGS);
        entry.add("-XX:ArchiveClassesAtExit=" + TRAINING_ARCHIVE);
        entry.add("-jar");
        entry.add(ImageBuilder.JAR_IN_IMAGE);
        ExposedPort http = ExposedPort.tcp(NodeContainerPlan.DEFAULT_HTTP_PORT);
        Ports ports = new Ports();
        ports.bind(http, Ports.Binding.bindIp("127.0.0.1"));
        Map<String, String> labels = DockerLabels.reaped(DockerLabels.common(sessionId, "image-build", "image-build",
                DockerLabels.ROLE_IMAGE_BUILD, false), reaped);
        // Named, so the finally below can remove it even when the create call failed after the
        // daemon made it (a timeout or interrupt while reading the answer left it behind before).
        String name = "repram-cds-training-" + java.util.UUID.randomUUID();
        String id = null;
        try {
            id = docker.createContainerCmd(baseImageId)
                    .withName(name)
                    .withEntrypoint(entry)
                    .withHostName("cds-training")
                    .withEnv(TRAINING_ENV)
                    .withExposedPorts(http)
                    .withLabels(labels)
                    .withHostConfig(HostConfig.newHostConfig().withPortBindings(ports))
                    .exec().getId();
            docker.startContainerCmd(id).exec();
            Ports.Binding[] bound = docker.inspectContainerCmd(id).exec().getNetworkSettings().getPorts()
                    .getBindings().get(http);
            URI base = URI.create("http://127.0.0.1:" + bound[0].getHostPortSpec());
            exercise(base);
            // SIGTERM: the JVM's exit path writes the archive.
            docker.stopContainerCmd(id).withTimeout(30).exec();
            try (InputStream in = docker.copyArchiveFromContainerCmd(id, TRAINING_ARCHIVE).exec();
                 TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
                TarArchiveEntry e = tar.getNextTarEntry();
                if (e == null || e.getSize() == 0) throw new IOException("archive is empty");
                Files.copy(tar, archiveOut, StandardCopyOption.REPLACE_EXISTING);
            }
            return Files.size(archiveOut) > 0;
        } catch (IOException | RuntimeException e) {
            String logs = id == null ? "" : "\n" + LogText.ofContainer(docker, id, 20);
            progress.accept("WARN recording the CDS archive failed: " + DockerConnection.rootMessage(e) + logs);
            return false;
        } finally {
            new DockerCleanup(docker).removeContainer(id != null ? id : name, false);
        }
    }

    /** Waits for health, then touches every route a scale test uses so their classes are archived. */
    private void exercise(URI base) throws IOException {
        NodeProbe probe = new NodeProbe();
        try {
            TRAINING_HEALTH.await(Readiness.deadlineIn(Duration.ofSeconds(60)),
                    () -> Optional.ofNullable(probe.health(base).problem()), Readiness.NEVER_DIES,
                    missing -> new EngineException("training node did not get healthy in 60 s (it " + missing + ")",
                            Reason.NODE_UNHEALTHY));
        } catch (EngineException e) {
            throw new IOException(e.getMessage(), e);
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        byte[] value = new byte[1024];
        for (int i = 0; i < 50; i++) {
            send(http, HttpRequest.newBuilder(base.resolve("/v1/data/cds-" + i + "?ttl=300"))
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(value)));
            send(http, HttpRequest.newBuilder(base.resolve("/v1/data/cds-" + i)).GET());
        }
        send(http, HttpRequest.newBuilder(base.resolve("/v1/data/missing")).GET());
        for (String path : List.of("/v1/topology", "/v1/status", "/v1/metrics", "/v1/keys?limit=10")) {
            send(http, HttpRequest.newBuilder(base.resolve(path)).GET());
        }
        // Last, a made-up peer at the node's own address: writes then replicate over the gossip client and
        // come back as gossip PUT + ACK, so the archive also holds the classes of a clustered node.
        // Their answers may wait for the write timeout: fire them and only give the gossip a moment.
        send(http, HttpRequest.newBuilder(base.resolve("/v1/bootstrap")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"node_id\":\"cds-peer\",\"address\":\"cds-training\","
                        + "\"gossip_port\":9090,\"http_port\":8080,\"enclave\":\"default\"}")));
        for (int i = 0; i < 3; i++) {
            http.sendAsync(HttpRequest.newBuilder(base.resolve("/v1/data/cds-gossip-" + i + "?ttl=300"))
                    .timeout(Duration.ofSeconds(10)).PUT(HttpRequest.BodyPublishers.ofByteArray(value)).build(),
                    HttpResponse.BodyHandlers.discarding());
        }
        sleep(2000);
    }

    private static void send(HttpClient http, HttpRequest.Builder request) throws IOException {
        try {
            http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static void sleep(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
