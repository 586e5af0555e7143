package io.repram.orchestrate.engine.docker;

import com.github.dockerjava.api.model.BlkioStatEntry;
import com.github.dockerjava.api.model.BlkioStatsConfig;
import com.github.dockerjava.api.model.CpuStatsConfig;
import com.github.dockerjava.api.model.MemoryStatsConfig;
import com.github.dockerjava.api.model.StatisticNetworksConfig;
import com.github.dockerjava.api.model.Statistics;
import com.github.dockerjava.api.model.StatsConfig;
import com.github.dockerjava.api.model.ThrottlingDataConfig;
import io.repram.orchestrate.engine.NodeStatsSample;

import java.util.List;
import java.util.Map;

/** Turns one Engine API stats frame into a {@link NodeStatsSample}, computing what the docker CLI computes. */
public final class ContainerStats {
    private ContainerStats() {
    }

    public static NodeStatsSample toSample(long epochMillis, int nodeIndex, String nodeId, Statistics s) {
        MemoryStatsConfig mem = s.getMemoryStats();
        long[] net = networkTotals(s.getNetworks());
        long[] blk = blockTotals(s.getBlkioStats());
        long[] throttling = throttling(s.getCpuStats());
        return new NodeStatsSample(epochMillis, nodeIndex, nodeId,
                cpuPercent(s.getCpuStats(), s.getPreCpuStats()),
                mem == null ? 0 : memoryWithoutCache(mem),
                mem == null ? 0 : orZero(mem.getLimit()),
                net[0], net[1], blk[0], blk[1], throttling[0], throttling[1], throttling[2]);
    }

    /**
     * {periods, throttled periods, throttled ns} from cpu_stats.throttling_data, cumulative since
     * the container started; all -1 when the frame has none.
     */
    static long[] throttling(CpuStatsConfig cpu) {
        ThrottlingDataConfig t = cpu == null ? null : cpu.getThrottlingData();
        if (t == null || t.getPeriods() == null) {
            return new long[]{NodeStatsSample.UNKNOWN, NodeStatsSample.UNKNOWN, NodeStatsSample.UNKNOWN};
        }
        return new long[]{t.getPeriods(), orZero(t.getThrottledPeriods()), orZero(t.getThrottledTime())};
    }

    /**
     * CPU % as the docker CLI computes it: the container's share of the host's CPU time since the
     * previous frame, times the number of online CPUs (so 2 busy cores = 200 %).
     */
    public static double cpuPercent(long cpuTotal, long preCpuTotal, long systemTotal, long preSystemTotal, long onlineCpus) {
        long cpuDelta = cpuTotal - preCpuTotal;
        long systemDelta = systemTotal - preSystemTotal;
        if (cpuDelta <= 0 || systemDelta <= 0 || onlineCpus <= 0) return 0.0;
        return (double) cpuDelta / systemDelta * onlineCpus * 100.0;
    }

    static double cpuPercent(CpuStatsConfig cpu, CpuStatsConfig pre) {
        if (cpu == null || pre == null || cpu.getCpuUsage() == null || pre.getCpuUsage() == null) return 0.0;
        long online = orZero(cpu.getOnlineCpus());
        if (online == 0) {
            List<Long> perCpu = cpu.getCpuUsage().getPercpuUsage();
            online = perCpu == null ? 0 : perCpu.size();
        }
        return cpuPercent(orZero(cpu.getCpuUsage().getTotalUsage()), orZero(pre.getCpuUsage().getTotalUsage()),
                orZero(cpu.getSystemCpuUsage()), orZero(pre.getSystemCpuUsage()), online);
    }

    /**
     * Usage minus the reclaimable page cache, as the docker CLI shows it: cgroup v1 reports
     * total_inactive_file, cgroup v2 inactive_file; very old daemons only "cache".
     */
    public static long memoryWithoutCache(MemoryStatsConfig mem) {
        long usage = orZero(mem.getUsage());
        StatsConfig st = mem.getStats();
        if (st == null) return usage;
        Long cache = st.getTotalInactiveFile() != null ? st.getTotalInactiveFile()
                : st.getInactiveFile() != null ? st.getInactiveFile() : st.getCache();
        if (cache == null || cache > usage) return usage;
        return usage - cache;
    }

    /**
     * rx and tx bytes summed over the container's networks; unknown when it has none of its own (the
     * host's network).
     */
    static long[] networkTotals(Map<String, StatisticNetworksConfig> networks) {
        if (networks == null || networks.isEmpty()) {
            return new long[]{NodeStatsSample.UNKNOWN, NodeStatsSample.UNKNOWN};
        }
        long rx = 0, tx = 0;
        for (StatisticNetworksConfig n : networks.values()) {
            rx += orZero(n.getRxBytes());
            tx += orZero(n.getTxBytes());
        }
        return new long[]{rx, tx};
    }

    /** Bytes read and written; cgroup v1 spells the ops "Read"/"Write", v2 "read"/"write". */
    static long[] blockTotals(BlkioStatsConfig blkio) {
        long read = 0, write = 0;
        if (blkio != null && blkio.getIoServiceBytesRecursive() != null) {
            for (BlkioStatEntry e : blkio.getIoServiceBytesRecursive()) {
                if ("read".equalsIgnoreCase(e.getOp())) read += orZero(e.getValue());
                else if ("write".equalsIgnoreCase(e.getOp())) write += orZero(e.getValue());
            }
        }
        return new long[]{read, write};
    }

    private static long orZero(Long v) {
        return v == null ? 0 : v;
    }
}
