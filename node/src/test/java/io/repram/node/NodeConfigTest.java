package io.repram.node;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NodeConfigTest {

    @Test
    void defaultsMatchUpstream() {
        NodeConfig c = NodeConfig.fromEnv(Map.of());
        assertEquals(8080, c.httpPort());
        assertEquals(9090, c.gossipPort());
        assertEquals("public", c.network());
        assertEquals("default", c.enclave());
        assertEquals(3, c.replication());
        assertEquals(300, c.minTtlSeconds());
        assertEquals(86400, c.maxTtlSeconds());
        assertEquals(5, c.writeTimeoutSeconds());
        assertEquals(100, c.rateLimitPerSecond());
        assertEquals(0, c.maxStorageMb());
        assertEquals("info", c.logLevel());
        assertEquals(30_000, c.pingIntervalMillis());
        assertFalse(c.trustProxy());
        assertFalse(c.signed());
        assertTrue(c.peers().isEmpty());
        assertTrue(c.nodeId().startsWith("node-"));
    }

    @Test
    void nonIntegerFallsBackToDefaultWithAWarningNamingTheVariable() {
        List<String> warnings = new ArrayList<>();
        NodeConfig c = NodeConfig.fromEnv(Map.of("REPRAM_REPLICATION", "three", "REPRAM_WRITE_TIMEOUT", "2.5"),
                warnings::add);
        assertEquals(3, c.replication());
        assertEquals(5, c.writeTimeoutSeconds());
        assertEquals(2, warnings.size());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("REPRAM_REPLICATION")));
        assertTrue(warnings.stream().anyMatch(w -> w.contains("REPRAM_WRITE_TIMEOUT")));
    }

    @Test
    void peersAndExtrasAreParsed() {
        NodeConfig c = NodeConfig.fromEnv(Map.of(
                "REPRAM_PEERS", " a:8080, b:8081 ,,",
                "REPRAM_PING_INTERVAL_MS", "150",
                "REPRAM_CLUSTER_SECRET", "s",
                "REPRAM_TRUST_PROXY", "TRUE",
                "REPRAM_ADDRESS", "10.0.0.5"));
        assertEquals(List.of("a:8080", "b:8081"), c.peers());
        assertEquals(150, c.pingIntervalMillis());
        assertTrue(c.signed());
        assertTrue(c.trustProxy());
        assertEquals("0.0.0.0", c.bindAddress());
        assertEquals(7000, NodeConfig.fromEnv(Map.of("REPRAM_PING_INTERVAL", "7")).pingIntervalMillis());
        assertEquals("127.0.0.1", NodeConfig.fromEnv(Map.of("REPRAM_ADDRESS", "127.0.0.1")).bindAddress());
    }

    private static final long MIB = 1024L * 1024;

    @Test
    void storageCapDefaultsToAShareOfTheMemoryLeftOffTheHeap() {
        // 1 GiB node, 256 MiB heap, direct memory unlimited: 1024 - 256 - 96 (JVM) = 672 MiB off the heap.
        NodeMemory memory = new NodeMemory(1024 * MIB, 256 * MIB, Long.MAX_VALUE);
        NodeConfig derived = NodeConfig.fromEnv(Map.of(), w -> { }, memory);
        assertEquals(0, derived.maxStorageMb());
        assertEquals(672 * MIB, derived.maxOffHeapBytes());
        assertEquals((long) (672 * MIB * 0.8), derived.maxStorageBytes());
        assertEquals(derived.maxStorageBytes(),
                NodeConfig.fromEnv(Map.of("REPRAM_MAX_STORAGE_MB", "0"), w -> { }, memory).maxStorageBytes());
        NodeConfig set = NodeConfig.fromEnv(Map.of("REPRAM_MAX_STORAGE_MB", "64"), w -> { }, memory);
        assertEquals(64 * MIB, set.maxStorageBytes());
        assertEquals(0, set.maxOffHeapBytes(), "an explicit cap leaves only the JVM's direct-memory limit");
    }

    @Test
    void theJvmsDirectMemoryLimitBoundsTheBudgetToo() {
        // Plain `java -jar`: MaxDirectMemorySize defaults to the heap, 256 MiB here, less 32 MiB for Jetty and NIO.
        NodeMemory memory = new NodeMemory(8192 * MIB, 256 * MIB, 256 * MIB);
        assertEquals(224 * MIB, NodeConfig.fromEnv(Map.of(), w -> { }, memory).maxOffHeapBytes());
    }

    @Test
    void storageCapAboveTheBudgetIsKeptWithAWarning() {
        List<String> warnings = new ArrayList<>();
        NodeConfig c = NodeConfig.fromEnv(Map.of("REPRAM_MAX_STORAGE_MB", "512"), warnings::add,
                new NodeMemory(512 * MIB, 256 * MIB, Long.MAX_VALUE));
        assertEquals(512L * 1024 * 1024, c.maxStorageBytes());
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("REPRAM_MAX_STORAGE_MB") && warnings.get(0).contains("160 MiB"), warnings.get(0));
    }

    @Test
    void aHeapThatTakesEverythingLeavesAMinimalCapAndAWarning() {
        List<String> warnings = new ArrayList<>();
        NodeConfig c = NodeConfig.fromEnv(Map.of(), warnings::add, new NodeMemory(512 * MIB, 512 * MIB, 512 * MIB));
        assertEquals(16 * MIB, c.maxStorageBytes());
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("-Xmx"), warnings.get(0));
    }

    @Test
    void rateLimitBeyondTheIntRangeSaturatesInsteadOfFallingBackTo100() {
        List<String> warnings = new ArrayList<>();
        assertEquals(1_000_000_000, NodeConfig.fromEnv(Map.of("REPRAM_RATE_LIMIT", "1000000000")).rateLimitPerSecond());
        assertEquals(Integer.MAX_VALUE,
                NodeConfig.fromEnv(Map.of("REPRAM_RATE_LIMIT", "99999999999999999999"), warnings::add).rateLimitPerSecond());
        assertEquals(0, NodeConfig.fromEnv(Map.of("REPRAM_RATE_LIMIT", "0")).rateLimitPerSecond());
        assertTrue(warnings.isEmpty(), warnings.toString());
    }

    @Test
    void bodyTimeoutAndGossipWindowHaveDocumentedDefaults() {
        NodeConfig c = NodeConfig.fromEnv(Map.of());
        assertEquals(30_000, c.bodyTimeoutMillis());
        assertEquals(30, c.gossipWindowSeconds());
        NodeConfig set = NodeConfig.fromEnv(Map.of("REPRAM_BODY_TIMEOUT_MS", "1500", "REPRAM_GOSSIP_WINDOW", "0"));
        assertEquals(1500, set.bodyTimeoutMillis());
        assertEquals(0, set.gossipWindowSeconds());
    }
}
