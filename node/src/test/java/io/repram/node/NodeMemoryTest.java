package io.repram.node;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NodeMemoryTest {
    private static final long MIB = 1024L * 1024;

    private static Path fixture(String name) throws Exception {
        return Path.of(NodeMemoryTest.class.getResource("/cgroup/" + name).toURI());
    }

    @Test
    void readsTheCgroupLimitOfEitherVersion() throws Exception {
        assertEquals(OptionalLong.of(512 * MIB), NodeMemory.cgroupLimitBytes(fixture("v2-limited")));
        assertEquals(OptionalLong.of(1024 * MIB), NodeMemory.cgroupLimitBytes(fixture("v1-limited")));
    }

    @Test
    void noLimitIsNoLimit() throws Exception {
        assertEquals(OptionalLong.empty(), NodeMemory.cgroupLimitBytes(fixture("v2-unlimited")));
        assertEquals(OptionalLong.empty(), NodeMemory.cgroupLimitBytes(fixture("v1-unlimited")), "v1 says 'none' with ~2^63");
        assertEquals(OptionalLong.empty(), NodeMemory.cgroupLimitBytes(Path.of("/nonexistent-cgroup")));
    }

    @Test
    void aCgroupLimitBelowTheRamIsTheNodesMemory() throws Exception {
        NodeMemory m = NodeMemory.detect(fixture("v2-limited"));
        assertEquals(512 * MIB, m.machineBytes());
        assertEquals(Runtime.getRuntime().maxMemory(), m.heapMaxBytes());
        assertTrue(m.directLimitBytes() > 0);
    }

    @Test
    void theBudgetIsWhatTheHeapAndTheJvmLeave() {
        NodeMemory m = new NodeMemory(2048 * MIB, 512 * MIB, Long.MAX_VALUE);
        assertEquals((2048 - 512 - 96) * MIB, m.offHeapBudgetBytes());
        assertEquals((long) ((2048 - 512 - 96) * MIB * 0.8), m.defaultCapBytes());
        assertEquals(0, new NodeMemory(256 * MIB, 512 * MIB, Long.MAX_VALUE).offHeapBudgetBytes());
    }
}
