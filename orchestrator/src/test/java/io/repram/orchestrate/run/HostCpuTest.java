package io.repram.orchestrate.run;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The machine's busy share from two /proc/stat readings. */
class HostCpuTest {
    private static final Path FIXTURES = Path.of("src/test/resources/limits");

    @Test
    void busyIsEverythingButIdleAndIowaitOverBothReadings() {
        HostCpu before = HostCpu.read(FIXTURES.resolve("proc-stat-busy.txt"));
        HostCpu after = HostCpu.read(FIXTURES.resolve("proc-stat-busy-later.txt"));
        assertEquals(2, before.cores());
        assertEquals(1500, before.busyTicks());
        assertEquals(4600, before.totalTicks());
        // 180 user + 10 steal busy, 10 idle: 190 of 200 ticks.
        assertEquals(95.0, after.busyPercentSince(before), 1e-9);
        assertNull(before.busyPercentSince(before), "no ticks between: unknown");
    }

    @Test
    void thisMachinesProcStatReads() {
        HostCpu now = HostCpu.read(HostCpu.PROC_STAT);
        assertTrue(now == null || now.cores() >= 1);
        assertNull(HostCpu.read(FIXTURES.resolve("missing")));
    }
}
