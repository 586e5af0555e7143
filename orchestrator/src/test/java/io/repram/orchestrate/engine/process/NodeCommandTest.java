package io.repram.orchestrate.engine.process;

import io.repram.orchestrate.engine.NodeEnv;
import io.repram.orchestrate.engine.ClusterSpec;
import io.repram.orchestrate.engine.Executables;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NodeCommandTest {
    private static final Path JAVA = Path.of("/opt/java/bin/java");
    private static final Path JAR = Path.of("/repo/node/target/repram-node.jar");

    private static ClusterSpec spec(Map<String, String> env, Double cpus, Long memoryBytes) {
        return new ClusterSpec("run1", "smoke", 3, "ignored", env, cpus, memoryBytes, 0, Duration.ofSeconds(30));
    }

    @Test
    void seedNodeHasNoPeersAndTheOthersJoinThroughIt() {
        NodeCommand seed = NodeCommand.forNode(JAVA, JAR, "s1", spec(Map.of(), null, null), 0, 7000, 7000);
        NodeCommand other = NodeCommand.forNode(JAVA, JAR, "s1", spec(Map.of(), null, null), 2, 7002, 7000);
        assertFalse(seed.env().containsKey("REPRAM_PEERS"));
        assertEquals("127.0.0.1:7000", other.env().get("REPRAM_PEERS"));
        assertEquals("node-2", other.env().get("REPRAM_NODE_ID"));
        assertEquals("7002", other.env().get("REPRAM_HTTP_PORT"));
        assertEquals("127.0.0.1", other.env().get("REPRAM_ADDRESS"));
        assertEquals("private", other.env().get("REPRAM_NETWORK"));
        assertEquals(NodeEnv.UNLIMITED_RATE, other.env().get("REPRAM_RATE_LIMIT"));
        assertEquals("true", other.env().get("REPRAM_EXIT_ON_STDIN_EOF"));
    }

    /** The command after setsid, which leads it wherever util-linux is installed (as here: CI is Debian). */
    private static java.util.List<String> afterSession(NodeCommand c) {
        assertTrue(Executables.onPath("setsid"), "setsid is part of util-linux, which Debian always has");
        assertEquals(NodeCommand.OWN_SESSION, c.command().subList(0, NodeCommand.OWN_SESSION.size()));
        return c.command().subList(NodeCommand.OWN_SESSION.size(), c.command().size());
    }

    @Test
    void aPinnedNodeStartsUnderTasksetWithItsOwnCpus() {
        ClusterSpec pinned = spec(Map.of(), null, null).withPlacement(null, java.util.List.of("1", "2-3", "1"));
        NodeCommand node1 = NodeCommand.forNode(JAVA, JAR, "s1", pinned, 1, 7001, 7000);
        assertEquals(java.util.List.of("taskset", "-c", "2-3", JAVA.toString()), afterSession(node1).subList(0, 4));
        NodeCommand free = NodeCommand.forNode(JAVA, JAR, "s1", spec(Map.of(), null, null), 1, 7001, 7000);
        assertEquals(JAVA.toString(), afterSession(free).get(0));
    }

    @Test
    void specEnvironmentOverridesTheDefaults() {
        NodeCommand c = NodeCommand.forNode(JAVA, JAR, "s1", spec(Map.of("REPRAM_RATE_LIMIT", "500", "REPRAM_X", "y"), null, null), 1, 7001, 7000);
        assertEquals("500", c.env().get("REPRAM_RATE_LIMIT"));
        assertEquals("y", c.env().get("REPRAM_X"));
    }

    @Test
    void runsTheJarWithSmallNodeFlags() {
        NodeCommand c = NodeCommand.forNode(JAVA, JAR, "s1", spec(Map.of(), null, null), 0, 7000, 7000);
        assertEquals(JAVA.toString(), afterSession(c).get(0));
        assertEquals(JAR.toString(), c.command().get(c.command().size() - 1));
        assertEquals("-jar", c.command().get(c.command().size() - 2));
        assertTrue(c.command().stream().noneMatch(a -> a.startsWith("-Xmx") || a.startsWith("-Xms") || a.startsWith("-XX:MaxRAM=")),
                "without a memory limit the JVM sizes the heap from the machine, as in a container without one: "
                        + c.command());
    }

    @Test
    void theMemoryFlagsAreTheImagesSoBothDriversSplitMemoryAlike() {
        NodeCommand c = NodeCommand.forNode(JAVA, JAR, "s1", spec(Map.of(), null, null), 0, 7000, 7000);
        for (String flag : io.repram.orchestrate.engine.docker.ImageBuilder.JVM_FLAGS) {
            assertTrue(c.command().contains(flag), flag + " is in the image but not in " + c.command());
        }
        assertTrue(c.command().contains("-XX:+UseG1GC") && c.command().contains("-XX:MaxRAMPercentage=25"), c.command().toString());
    }

    @Test
    void theCommandLineNamesSessionRunAndNodeForCleanup() {
        NodeCommand c = NodeCommand.forNode(JAVA, JAR, "s1", spec(Map.of(), null, null), 2, 7002, 7000);
        int jar = c.command().indexOf("-jar");
        for (String property : java.util.List.of("-Drepram.orchestrate.session=s1", "-Drepram.orchestrate.run=run1",
                "-Drepram.orchestrate.node=node-2")) {
            int at = c.command().indexOf(property);
            assertTrue(at > 0 && at < jar, property + " is a JVM option: " + c.command());
        }
    }

    @Test
    void memoryLimitBecomesTheWholeNodesBudgetAndCpusTheProcessorCount() {
        NodeCommand c = NodeCommand.forNode(JAVA, JAR, "s1", spec(Map.of(), 1.5, 2048L * 1024 * 1024), 0, 7000, 7000);
        // The node's memory, not its heap: the heap is a quarter of it, the node's store has the rest.
        assertTrue(c.command().contains("-XX:MaxRAM=" + 2048L * 1024 * 1024), c.command().toString());
        assertTrue(c.command().stream().noneMatch(a -> a.startsWith("-Xmx")), c.command().toString());
        assertTrue(c.command().contains("-XX:ActiveProcessorCount=2"), c.command().toString());
        NodeCommand tiny = NodeCommand.forNode(JAVA, JAR, "s1", spec(Map.of(), null, 16L * 1024 * 1024), 0, 7000, 7000);
        assertTrue(tiny.command().contains("-XX:MaxRAM=" + NodeCommand.MIN_MEMORY_BYTES), tiny.command().toString());
    }

    @Test
    void javaExecutableIsTheRunningJvm() {
        Path java = NodeCommand.javaExecutable();
        assertTrue(Files.isExecutable(java), java.toString());
        assertEquals("java", java.getFileName().toString());
    }
}
