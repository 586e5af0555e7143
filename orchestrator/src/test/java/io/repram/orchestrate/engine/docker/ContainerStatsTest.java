package io.repram.orchestrate.engine.docker;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.Statistics;
import io.repram.orchestrate.engine.NodeStatsSample;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContainerStatsTest {
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private static Statistics fixture(String name) throws IOException {
        try (InputStream in = ContainerStatsTest.class.getResourceAsStream("/docker/" + name)) {
            return JSON.readValue(in, Statistics.class);
        }
    }

    @Test
    void cpuPercentIsTheContainersShareOfHostTimeTimesOnlineCpus() {
        // 0.4 s of CPU in a 2 s window of host time (2 CPUs x 1 s): 20 % of the host = 40 % of one core.
        assertEquals(40.0, ContainerStats.cpuPercent(3_400_000_000L, 3_000_000_000L, 902_000_000_000L, 900_000_000_000L, 2), 1e-9);
        // Two fully busy cores on a 2-core host read 200 %, as `docker stats` shows.
        assertEquals(200.0, ContainerStats.cpuPercent(2_000, 0, 2_000, 0, 2), 1e-9);
    }

    @Test
    void cpuPercentIsZeroWithoutAPreviousFrameOrProgress() {
        assertEquals(0.0, ContainerStats.cpuPercent(100, 100, 2_000, 1_000, 2));
        assertEquals(0.0, ContainerStats.cpuPercent(200, 100, 1_000, 1_000, 2));
        assertEquals(0.0, ContainerStats.cpuPercent(200, 100, 2_000, 1_000, 0));
    }

    @Test
    void cgroupV1FrameBecomesASample() throws IOException {
        NodeStatsSample s = ContainerStats.toSample(1234L, 2, "node-2", fixture("stats-cgroup-v1.json"));
        assertEquals(1234L, s.epochMillis());
        assertEquals(2, s.nodeIndex());
        assertEquals("node-2", s.nodeId());
        assertEquals(40.0, s.cpuPercent(), 1e-9);
        // usage minus total_inactive_file (the docker CLI's choice), not minus the whole cache
        assertEquals(104_857_600L - 10_485_760L, s.memoryBytes());
        assertEquals(25_300_000_000L, s.memoryLimitBytes());
        assertEquals(1_300, s.netRxBytes());
        assertEquals(2_400, s.netTxBytes());
        assertEquals(4_096, s.blockReadBytes());
        assertEquals(8_192, s.blockWriteBytes());
    }

    @Test
    void cgroupV2FrameUsesInactiveFileAndLowerCaseOps() throws IOException {
        NodeStatsSample s = ContainerStats.toSample(1L, 0, "node-0", fixture("stats-cgroup-v2.json"));
        assertEquals(200.0, s.cpuPercent(), 1e-9);
        assertEquals(45_000_000L, s.memoryBytes());
        assertEquals(268_435_456L, s.memoryLimitBytes());
        assertEquals(100, s.blockReadBytes());
        assertEquals(200, s.blockWriteBytes());
        assertEquals(7, s.netRxBytes());
        assertEquals(9, s.netTxBytes());
    }

    @Test
    void aContainerOnTheHostsNetworkHasNoNetworkCountersRatherThanZero() throws IOException {
        // The daemon's frame for a host-network container has no "networks" object at all.
        NodeStatsSample s = ContainerStats.toSample(1L, 0, "node-0", fixture("stats-host-network.json"));
        assertEquals(NodeStatsSample.UNKNOWN, s.netRxBytes());
        assertEquals(NodeStatsSample.UNKNOWN, s.netTxBytes());
        assertEquals(100, s.blockReadBytes(), "the rest of the frame is read as before");
        NodeStatsSample later = ContainerStats.toSample(2001L, 0, "node-0", fixture("stats-host-network.json"));
        assertTrue(Double.isNaN(later.netRatesSince(s)[0]), "no rate from unknown counters, not 0 B/s");
    }

    @Test
    void throttlingCountersAreCarriedWhenTheFrameHasThem() throws IOException {
        NodeStatsSample throttled = ContainerStats.toSample(1L, 0, "node-0", fixture("stats-throttled.json"));
        assertEquals(3000, throttled.cpuPeriods());
        assertEquals(2900, throttled.cpuThrottledPeriods());
        assertEquals(270_000_000_000L, throttled.cpuThrottledNanos());
        // No CPU limit: the daemon sends zeros (no periods), which is not a throttled node.
        NodeStatsSample unlimited = ContainerStats.toSample(1L, 0, "node-0", fixture("stats-cgroup-v1.json"));
        assertEquals(0, unlimited.cpuPeriods());
        NodeStatsSample without = ContainerStats.toSample(1L, 0, "node-0", fixture("stats-cgroup-v2.json"));
        assertEquals(NodeStatsSample.UNKNOWN, without.cpuPeriods());
    }
}
