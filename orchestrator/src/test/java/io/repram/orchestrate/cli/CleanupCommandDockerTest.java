package io.repram.orchestrate.cli;

import com.github.dockerjava.api.DockerClient;
import io.repram.orchestrate.engine.ClusterSpec;
import io.repram.orchestrate.engine.process.ProcessCluster;
import io.repram.orchestrate.engine.docker.DockerAdmin;
import io.repram.orchestrate.engine.docker.DockerCleanup;
import io.repram.orchestrate.engine.docker.DockerConnection;
import io.repram.orchestrate.engine.docker.DockerLabels;
import io.repram.orchestrate.engine.docker.ImageBuilder;
import io.repram.orchestrate.engine.process.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code cleanup} scopes and {@code cluster down} without a name against the real daemon. The
 * daemon is shared with other people's runs: every object here has a session of this test's own,
 * every cleanup is scoped, and the teardown removes by those sessions only.
 */
@Tag("docker")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CleanupCommandDockerTest {
    private DockerClient docker;
    private final List<String> sessions = new ArrayList<>();
    private final Captured console = new Captured();

    @TempDir
    Path state;

    @BeforeAll
    void connect() throws Exception {
        docker = DockerConnection.open();
        // Any build of the image will do (its containers are never started): a stale one is not rebuilt
        // under the other users of the daemon.
        try (DockerAdmin admin = DockerAdmin.connect()) {
            if (admin.image(ImageBuilder.DEFAULT_TAG).isEmpty()) {
                admin.buildImage(Path.of(System.getProperty("repram.node.jar")), false, System.out::println);
            }
        }
    }

    @AfterEach
    void removeOwnObjects() {
        DockerCleanup cleanup = new DockerCleanup(docker);
        for (String s : sessions) cleanup.remove(List.of(DockerLabels.filter(DockerLabels.SESSION, s)), l -> false);
        sessions.clear();
        System.clearProperty(LastCluster.DIR_PROPERTY);
    }

    @AfterAll
    void close() {
        if (docker != null) DockerConnection.closeQuietly(docker);
    }

    /** A session with a network and {@code nodes} node containers (created, never started: a leftover need not run). */
    private String session(String run, int nodes, boolean keep) {
        String session = "test-cleanup-" + UUID.randomUUID();
        sessions.add(session);
        docker.createNetworkCmd().withName("repram-" + run + "-net")
                .withLabels(DockerLabels.network(session, run, "cleanup-test", keep)).exec();
        for (int i = 0; i < nodes; i++) {
            Map<String, String> labels = DockerLabels.node(session, run, "cleanup-test", i, keep);
            docker.createContainerCmd(ImageBuilder.DEFAULT_TAG).withName("repram-" + run + "-node-" + i).withLabels(labels).exec();
        }
        return session;
    }

    private List<String> containersOf(String session) {
        return docker.listContainersCmd().withShowAll(true).withLabelFilter(List.of(DockerLabels.filter(DockerLabels.SESSION, session)))
                .exec().stream().map(c -> c.getNames()[0].substring(1)).sorted().toList();
    }

    private int networksOf(String session) {
        return docker.listNetworksCmd().withFilter("label", List.of(DockerLabels.filter(DockerLabels.SESSION, session))).exec().size();
    }

    private static String run(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 6);
    }

    @Test
    void aDryRunListsOneSessionsObjectsAndRemovesNothingThenTheScopedCleanupRemovesOnlyThose() {
        String runA = run("ta");
        String runB = run("tb");
        String a = session(runA, 2, false);
        String b = session(runB, 1, false);

        int code = console.run(new CleanupCommand(), "--session", a, "--dry-run");
        assertEquals(ExitCodes.OK, code, console.toString());
        String listed = console.out();
        assertTrue(listed.contains("session " + a) && listed.contains("cluster " + runA), listed);
        assertTrue(listed.contains("container repram-" + runA + "-node-0") && listed.contains("container repram-" + runA + "-node-1")
                && listed.contains("network repram-" + runA + "-net"), listed);
        assertFalse(listed.contains(b) || listed.contains(runB), "session B is out of scope:\n" + listed);
        assertTrue(listed.contains("2 container(s), 1 network(s) of 1 session(s). Nothing was removed (--dry-run)."), listed);
        assertEquals(List.of("repram-" + runA + "-node-0", "repram-" + runA + "-node-1"), containersOf(a), "a dry run removes nothing");
        assertEquals(1, networksOf(a));

        console.reset();
        code = console.run(new CleanupCommand(), "--session", a);
        assertEquals(ExitCodes.OK, code, console.toString());
        assertTrue(console.out().startsWith("Removed (session " + a + "):"), console.out());
        assertTrue(console.out().contains("container repram-" + runA + "-node-1"), console.out());
        assertEquals(List.of(), containersOf(a), "session A is gone");
        assertEquals(0, networksOf(a));
        assertEquals(List.of("repram-" + runB + "-node-0"), containersOf(b), "session B is intact");
        assertEquals(1, networksOf(b));

        console.reset();
        code = console.run(new CleanupCommand(), "--session", a);
        assertEquals(ExitCodes.OK, code, console.toString());
        assertTrue(console.out().startsWith("Nothing of session " + a + " to remove."), console.out());
        assertTrue(console.out().contains(b), "says which sessions there are, B among them:\n" + console.out());
    }

    @Test
    void nameScopesTheCleanupToOneKeptCluster() {
        String kept = run("tk");
        String other = run("to");
        String keptSession = session(kept, 1, true);
        String otherSession = session(other, 1, true);

        int code = console.run(new CleanupCommand(), "--name", kept, "--dry-run");
        assertEquals(ExitCodes.OK, code, console.toString());
        assertTrue(console.out().contains("cluster " + kept + " (kept by `cluster up`)"), console.out());
        assertFalse(console.out().contains(other), console.out());

        code = console.run(new CleanupCommand(), "--name", kept);
        assertEquals(ExitCodes.OK, code, console.toString());
        assertEquals(List.of(), containersOf(keptSession));
        assertEquals(List.of("repram-" + other + "-node-0"), containersOf(otherSession), "the other kept cluster stays");
    }

    @Test
    void processDriverNodesAreListedAndStoppedBySession() throws Exception {
        try (ProcessEngine engine = new ProcessEngine(Path.of(System.getProperty("repram.node.jar")))) {
            ProcessCluster cluster = engine.start(new ClusterSpec("tp1", "cleanup-test", 1, "process", Map.of(), null, null, 0,
                    Duration.ofSeconds(90)));
            long pid = cluster.nodePid(0).orElseThrow();
            int code = console.run(new CleanupCommand(), "--session", engine.sessionId(), "--dry-run");
            assertEquals(ExitCodes.OK, code, console.toString());
            assertTrue(console.out().contains("session " + engine.sessionId() + "\n    cluster tp1\n      process node node-0 (pid "
                    + pid + ")"), console.out());
            assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "a dry run stops nothing");

            console.reset();
            code = console.run(new CleanupCommand(), "--session", engine.sessionId());
            assertEquals(ExitCodes.OK, code, console.toString());
            assertTrue(console.out().contains("1 process node(s) of 1 session(s)."), console.out());
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the node is stopped");
        }
    }

    @Test
    void sessionAndNameTogetherAreBadInput() {
        int code = console.run(new CleanupCommand(), "--session", "x", "--name", "y", "--dry-run");
        assertEquals(ExitCodes.BAD_INPUT, code, console.toString());
        assertTrue(console.err().contains("--session and --name exclude each other"), console.err());
    }

    @Test
    void clusterDownWithoutANameRefusesAClusterSomeoneElseMade() {
        System.setProperty(LastCluster.DIR_PROPERTY, state.toString());
        String theirs = run("tt");
        String session = session(theirs, 1, true);
        LastCluster.write("mine00");

        int code = console.run(new ClusterCommand(), "down");
        assertEquals(ExitCodes.BAD_INPUT, code, console.toString());
        assertTrue(console.err().contains(theirs) && console.err().contains("repram-orchestrate cluster down "), console.err());
        assertEquals(List.of("repram-" + theirs + "-node-0"), containersOf(session), "nothing was removed");
    }

    @Test
    void clusterDownWithoutANameRefusesWhenSeveralAreUp() {
        System.setProperty(LastCluster.DIR_PROPERTY, state.toString());
        String first = run("t1");
        String second = run("t2");
        String s1 = session(first, 1, true);
        String s2 = session(second, 1, true);
        LastCluster.write(second);

        int code = console.run(new ClusterCommand(), "down");
        assertEquals(ExitCodes.BAD_INPUT, code, console.toString());
        assertTrue(console.err().contains("several clusters are up") && console.err().contains(first)
                && console.err().contains(second) && console.err().contains("--all"), console.err());
        assertEquals(1, containersOf(s1).size());
        assertEquals(1, containersOf(s2).size());

        console.reset();
        code = console.run(new ClusterCommand(), "down", second);
        assertEquals(ExitCodes.OK, code, "naming one still works: " + console);
        assertEquals(List.of(), containersOf(s2));
        assertEquals(1, containersOf(s1).size());
    }
}
