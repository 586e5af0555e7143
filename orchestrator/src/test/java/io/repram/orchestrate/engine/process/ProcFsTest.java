package io.repram.orchestrate.engine.process;

import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProcFsTest {
    private final ProcFs proc = new ProcFs(fixtureRoot());

    private static Path fixtureRoot() {
        try {
            return Path.of(ProcFsTest.class.getResource("/process/proc").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void cpuTicksAreUtimePlusStimeEvenWhenTheCommandNameHasSpacesAndParentheses() {
        assertEquals(OptionalLong.of(1234 + 566), proc.cpuTicks(4242));
    }

    @Test
    void residentMemoryComesFromVmRssInBytes() {
        assertEquals(204800L * 1024, proc.residentBytes(4242));
    }

    @Test
    void blockIoIsReadAndWriteBytes() {
        assertArrayEquals(new long[] {8192, 40960}, proc.blockIoBytes(4242));
    }

    @Test
    void totalMemoryComesFromMemTotal() {
        assertEquals(24731880L * 1024, proc.totalMemoryBytes());
    }

    @Test
    void zombiesAndMissingProcessesAreNotRunning() {
        assertTrue(proc.running(4242));
        assertFalse(proc.running(4343), "a zombie has exited");
        assertFalse(proc.running(999999));
    }

    @Test
    void missingFilesGiveEmptyOrZeroRatherThanErrors() {
        assertEquals(OptionalLong.empty(), proc.cpuTicks(999999));
        assertEquals(0, proc.residentBytes(4343));
        assertArrayEquals(new long[] {0, 0}, proc.blockIoBytes(4343));
    }

    @Test
    void readsTheLiveProcFsForThisJvm() {
        ProcFs live = ProcFs.system();
        long self = ProcessHandle.current().pid();
        assertTrue(live.running(self));
        assertTrue(live.residentBytes(self) > 0);
        assertTrue(live.totalMemoryBytes() > 0);
    }
}
