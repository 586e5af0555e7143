package io.repram.node.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The process's resident set size, as other REPRAM implementations report it: the heap figures
 * miss metaspace, thread stacks and direct buffers, which is what a container's memory limit sees.
 */
final class ResidentMemory {
    private static final Path PROC_STATUS = Path.of("/proc/self/status");

    private ResidentMemory() {
    }

    /** @return bytes, or null where there is no {@code /proc} (not Linux) */
    static Long bytes() {
        try {
            return parseVmRss(Files.readAllLines(PROC_STATUS));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** @param statusLines the lines of {@code /proc/<pid>/status}, where {@code VmRSS:} is in kB */
    static Long parseVmRss(List<String> statusLines) {
        for (String line : statusLines) {
            if (line.startsWith("VmRSS:")) {
                String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
                return Long.parseLong(parts[0]) * 1024;
            }
        }
        return null;
    }
}
