package io.repram.node;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.OperatingSystemMXBean;
import com.sun.management.VMOption;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * The memory a node has, and how it splits: the heap (the index, requests in flight) is whatever the
 * JVM was given; the rest, less a reserve for the JVM itself, is the off-heap budget for value bytes.
 *
 * @param machineBytes      the memory the node may use: the cgroup limit when there is one, an
 *                          explicit {@code -XX:MaxRAM} (the process driver's per-node budget), else
 *                          physical RAM; the smallest of those that are set
 * @param heapMaxBytes      {@code Runtime.maxMemory()}
 * @param directLimitBytes  the JVM's direct-memory limit: {@code -XX:MaxDirectMemorySize}, which
 *                          defaults to the maximum heap
 */
public record NodeMemory(long machineBytes, long heapMaxBytes, long directLimitBytes) {
    /** Metaspace, code cache, thread stacks, GC bookkeeping, malloc arenas: what a node uses besides heap and slabs. */
    static final long JVM_RESERVE_BYTES = 96L << 20;
    /** Direct memory left to Jetty's and NIO's own buffers. */
    static final long DIRECT_RESERVE_BYTES = 32L << 20;
    /**
     * Of the off-heap budget, the share stored bytes may take. The rest covers rounding values up to
     * their size class (at most 1/8) and slabs with free chunks in them.
     */
    static final double STORED_SHARE = 0.8;
    /** A node with no room off the heap still stores something, with a warning. */
    static final long MIN_CAP_BYTES = 16L << 20;
    /** cgroup v1 says "no limit" with a number near 2^63; anything above this is no limit. */
    private static final long NO_LIMIT = 1L << 60;

    /** The off-heap bytes the slabs may hold: what is left of the machine after the heap and the JVM. */
    public long offHeapBudgetBytes() {
        long fromMachine = machineBytes - heapMaxBytes - JVM_RESERVE_BYTES;
        long fromDirect = directLimitBytes - DIRECT_RESERVE_BYTES;
        return Math.max(0, Math.min(fromMachine, fromDirect));
    }

    /** The default storage cap (stored bytes): a share of the off-heap budget. */
    public long defaultCapBytes() {
        return Math.max(MIN_CAP_BYTES, (long) (offHeapBudgetBytes() * STORED_SHARE));
    }

    /** Reads this JVM's figures and the cgroup under {@code /sys/fs/cgroup}. */
    public static NodeMemory detect() {
        return detect(Path.of("/sys/fs/cgroup"));
    }

    static NodeMemory detect(Path cgroupRoot) {
        long heap = Runtime.getRuntime().maxMemory();
        long machine = physicalBytes();
        OptionalLong cgroup = cgroupLimitBytes(cgroupRoot);
        if (cgroup.isPresent()) {
            machine = Math.min(machine, cgroup.getAsLong());
        }
        long maxRam = explicitVmOption("MaxRAM");
        if (maxRam > 0) {
            machine = Math.min(machine, maxRam);
        }
        long direct = explicitVmOption("MaxDirectMemorySize");
        return new NodeMemory(machine, heap, direct > 0 ? direct : heap);
    }

    /** cgroup v2 {@code memory.max}, else v1 {@code memory/memory.limit_in_bytes}; empty when unlimited or absent. */
    static OptionalLong cgroupLimitBytes(Path root) {
        for (Path file : new Path[] {root.resolve("memory.max"), root.resolve("memory").resolve("memory.limit_in_bytes")}) {
            try {
                String raw = Files.readString(file).trim();
                if (raw.equals("max")) {
                    return OptionalLong.empty();
                }
                long limit = Long.parseLong(raw);
                return limit > 0 && limit < NO_LIMIT ? OptionalLong.of(limit) : OptionalLong.empty();
            } catch (IOException | NumberFormatException | SecurityException e) {
                // not this cgroup version, or not readable: try the next
            }
        }
        return OptionalLong.empty();
    }

    private static long physicalBytes() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
    }

    /** A size flag given on the command line (or in JAVA_TOOL_OPTIONS), else 0. */
    private static long explicitVmOption(String name) {
        try {
            VMOption option = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).getVMOption(name);
            return option.getOrigin() == VMOption.Origin.DEFAULT ? 0 : Long.parseLong(option.getValue());
        } catch (RuntimeException e) {
            return 0;
        }
    }
}
