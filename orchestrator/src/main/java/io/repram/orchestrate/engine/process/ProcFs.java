package io.repram.orchestrate.engine.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * Reads the few Linux /proc figures the process driver reports in place of Docker's stats. The
 * root is a parameter so the parsing can be tested against fixture files.
 */
public final class ProcFs {
    /** USER_HZ: fixed at 100 on every mainstream Linux build; /proc/stat times are in these ticks. */
    public static final int CLOCK_TICKS_PER_SECOND = 100;

    private final Path root;

    public ProcFs(Path root) {
        this.root = root;
    }

    public static ProcFs system() {
        return new ProcFs(Path.of("/proc"));
    }

    /** Process CPU time (utime + stime) in clock ticks, or empty when the process is gone. */
    public OptionalLong cpuTicks(long pid) {
        String[] fields = statFields(pid);
        if (fields == null) return OptionalLong.empty();
        // After the ")" that closes the command name, field 0 is the state (field 3 in proc(5)),
        // so utime (14) and stime (15) are at 11 and 12.
        return OptionalLong.of(Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
    }

    /**
     * True while the process exists and is not a zombie. An orphaned node that has exited stays a
     * zombie when PID 1 does not reap (common in containers), and that counts as gone.
     */
    public boolean running(long pid) {
        String[] fields = statFields(pid);
        return fields != null && !"Z".equals(fields[0]) && !"X".equals(fields[0]);
    }

    /** Resident set size in bytes (VmRSS), or 0 when unknown. */
    public long residentBytes(long pid) {
        return kibibytesField(root.resolve(Long.toString(pid)).resolve("status"), "VmRSS:");
    }

    /** Bytes the process caused to be read from / written to storage: {read, write}, zeros when unreadable. */
    public long[] blockIoBytes(long pid) {
        long read = 0;
        long write = 0;
        for (String line : lines(root.resolve(Long.toString(pid)).resolve("io"))) {
            if (line.startsWith("read_bytes:")) read = parseLong(line.substring("read_bytes:".length()));
            else if (line.startsWith("write_bytes:")) write = parseLong(line.substring("write_bytes:".length()));
        }
        return new long[] {read, write};
    }

    /** Total RAM from /proc/meminfo in bytes, or 0 when unknown (not Linux). */
    public long totalMemoryBytes() {
        return kibibytesField(root.resolve("meminfo"), "MemTotal:");
    }

    private String[] statFields(long pid) {
        List<String> stat = lines(root.resolve(Long.toString(pid)).resolve("stat"));
        if (stat.isEmpty()) return null;
        String line = stat.get(0);
        // The command name may itself contain spaces and parentheses: split after the last ")".
        int close = line.lastIndexOf(')');
        if (close < 0) return null;
        return line.substring(close + 1).trim().split("\\s+");
    }

    private long kibibytesField(Path file, String key) {
        for (String line : lines(file)) {
            if (line.startsWith(key)) {
                String value = line.substring(key.length()).trim();
                int space = value.indexOf(' ');
                return parseLong(space < 0 ? value : value.substring(0, space)) * 1024;
            }
        }
        return 0;
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | SecurityException e) {
            // The process exited, or /proc/<pid>/io is not readable for us: report nothing.
            return List.of();
        }
    }
}
