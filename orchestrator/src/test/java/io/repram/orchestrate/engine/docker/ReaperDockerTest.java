package io.repram.orchestrate.engine.docker;

import io.repram.orchestrate.engine.Await;
import io.repram.orchestrate.engine.NodeJarLocation;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** kill -9 of an orchestrator, and the start-up sweep, against the real daemon. */
@Tag("docker")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReaperDockerTest {
    private DockerClient docker;

    @BeforeAll
    void connect() throws Exception {
        docker = DockerConnection.open();
        new ReaperImage(docker, System.out::println).ensure();
    }

    @AfterAll
    void close() {
        if (docker != null) DockerConnection.closeQuietly(docker);
    }

    @Test
    void aKilledOrchestratorLeavesNothingBehind() throws Exception {
        Path nodeJar = DockerEngineTest.nodeJar();
        assertTrue(nodeJar.toFile().isFile(), "no node jar at " + nodeJar + ": mvn -B -pl node -am package -DskipTests");
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), DockerEngineHolderMain.class.getName(), nodeJar.toString())
                .redirectError(new File("target/holder-stderr.log"))
                .start();
        String session = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith(DockerEngineHolderMain.SESSION_PREFIX)) session = line.substring(DockerEngineHolderMain.SESSION_PREFIX.length());
                if (line.equals(DockerEngineHolderMain.READY)) break;
            }
            assertNotNull(session, "the holder printed no session; see target/holder-stderr.log");
            assertTrue(holder.isAlive(), "the holder died before its cluster was up; see target/holder-stderr.log");
            String bySession = DockerLabels.filter(DockerLabels.SESSION, session);
            List<String> roles = containers(bySession).stream().map(c -> c.getLabels().get(DockerLabels.ROLE)).sorted().toList();
            assertEquals(List.of(DockerLabels.ROLE_NODE, DockerLabels.ROLE_REAPER), roles);
            assertEquals(1, docker.listNetworksCmd().withFilter("label", List.of(bySession)).exec().size());

            long killedAt = System.nanoTime();
            holder.destroyForcibly(); // SIGKILL: no shutdown hook, no finally
            assertTrue(holder.waitFor(10, TimeUnit.SECONDS));
            List<String> left = Await.value(Duration.ofNanos(killedAt + TimeUnit.SECONDS.toNanos(25) - System.nanoTime()),
                    () -> leftovers(bySession), List::isEmpty);
            assertEquals(List.of(), left, "session " + session + " not reaped within 25 s of kill -9");
            System.out.printf("kill -9 -> session clean in %.1f s%n", (System.nanoTime() - killedAt) / 1e9);
        } finally {
            holder.destroyForcibly();
            if (session != null) new DockerCleanup(docker).remove(List.of(DockerLabels.filter(DockerLabels.SESSION, session)), l -> false);
        }
    }

    @Test
    void startupSweepsSessionsWhoseReaperIsGoneButNothingElse() throws Exception {
        String orphan = "test-orphan-" + UUID.randomUUID();
        String legacy = "test-legacy-" + UUID.randomUUID();
        Map<String, String> orphanLabels = DockerLabels.reaped(DockerLabels.common(orphan, "o1", "sweep", DockerLabels.ROLE_NODE, false), true);
        Map<String, String> keptLabels = DockerLabels.reaped(DockerLabels.common(orphan, "o2", "sweep", DockerLabels.ROLE_NODE, true), true);
        Map<String, String> legacyLabels = DockerLabels.common(legacy, "l1", "sweep", DockerLabels.ROLE_NODE, false);
        List<String> created = new ArrayList<>();
        try {
            // Never started: the sweep must not care whether a leftover runs.
            created.add(docker.createContainerCmd(ReaperImage.TAG).withLabels(orphanLabels).exec().getId());
            docker.createNetworkCmd().withName("repram-" + orphan + "-net").withLabels(orphanLabels).exec();
            created.add(docker.createContainerCmd(ReaperImage.TAG).withLabels(keptLabels).exec().getId());
            created.add(docker.createContainerCmd(ReaperImage.TAG).withLabels(legacyLabels).exec().getId());
            List<String> said = new ArrayList<>();
            DockerEngine engine = new DockerEngine(DockerConnection.open(), new DockerEngine.Options(NodeJarLocation.defaultPath(),
                    false, false, said::add));
            String reaper = engine.reaperContainerId();
            try {
                assertNotNull(reaper, "the engine started no reaper: " + said);
                assertTrue(said.stream().anyMatch(l -> l.startsWith("Swept ") && l.contains(orphan)), said.toString());
                String bySession = DockerLabels.filter(DockerLabels.SESSION, orphan);
                List<Container> left = containers(bySession);
                assertEquals(1, left.size(), "only the keep=true container stays");
                assertEquals("true", left.get(0).getLabels().get(DockerLabels.KEEP));
                assertEquals(0, docker.listNetworksCmd().withFilter("label", List.of(bySession)).exec().size());
                assertEquals(1, containers(DockerLabels.filter(DockerLabels.SESSION, legacy)).size(),
                        "a session that never had a reaper is not the sweep's to judge");
                assertTrue(docker.inspectContainerCmd(reaper).exec().getState().getRunning());
            } finally {
                engine.close();
            }
            assertEquals(List.of(), containers(DockerLabels.filter(DockerLabels.SESSION, engine.sessionId())),
                    "close() removes the reaper too");
        } finally {
            DockerCleanup cleanup = new DockerCleanup(docker);
            cleanup.remove(List.of(DockerLabels.filter(DockerLabels.SESSION, orphan)), l -> false);
            cleanup.remove(List.of(DockerLabels.filter(DockerLabels.SESSION, legacy)), l -> false);
        }
    }

    private List<Container> containers(String labelFilter) {
        return docker.listContainersCmd().withShowAll(true).withLabelFilter(List.of(labelFilter)).exec();
    }

    private List<String> leftovers(String labelFilter) {
        List<String> left = new ArrayList<>();
        containers(labelFilter).forEach(c -> left.add("container " + c.getNames()[0] + " " + c.getState()));
        docker.listNetworksCmd().withFilter("label", List.of(labelFilter)).exec().forEach(n -> left.add("network " + n.getName()));
        return left;
    }

}
