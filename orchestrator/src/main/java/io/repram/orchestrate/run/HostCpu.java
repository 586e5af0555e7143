package io.repram.orchestrate.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The whole machine's CPU time from {@code /proc/stat}: every process, not only ours, so a host
 * busy with something else shows. The root is a parameter so the parsing can be tested on fixtures.
 *
 * @param busyTicks  user + nice + system + irq + softirq + steal (guest time is inside user)
 * @param totalTicks busy plus idle and iowait
 * @param cores      the per-CPU lines
 */
record HostCpu(long busyTicks, long totalTicks, int cores) {

    static final Path PROC_STAT = Path.of("/proc/stat");

    /** The machine's counters now; null where /proc/stat cannot be read (not Linux). */
    static HostCpu read(Path procStat) {
        try {
            return parse(Files.readAllLines(procStat));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static HostCpu parse(List<String> lines) {
        long busy = -1;
        long total = 0;
        int cores = 0;
        for (String line : lines) {
            String[] f = line.trim().split("\\s+");
            if (f[0].equals("cpu")) {
                long[] t = new long[8];
                for (int i = 0; i < t.length && i + 1 < f.length; i++) t[i] = Long.parseLong(f[i + 1]);
                long idle = t[3] + t[4];
                busy = t[0] + t[1] + t[2] + t[5] + t[6] + t[7];
                total = busy + idle;
            } else if (f[0].startsWith("cpu")) {
                cores++;
            }
        }
        if (busy < 0) throw new IllegalArgumentException("no aggregate cpu line in /proc/stat");
        return new HostCpu(busy, total, cores);
    }

    /** The busy share between {@code earlier} and this reading, % of all cores; null without ticks between. */
    Double busyPercentSince(HostCpu earlier) {
        if (earlier == null || totalTicks - earlier.totalTicks <= 0) return null;
        long total = totalTicks - earlier.totalTicks;
        return 100.0 * (busyTicks - earlier.busyTicks) / total;
    }
}
