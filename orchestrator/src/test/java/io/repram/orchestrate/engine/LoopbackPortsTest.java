package io.repram.orchestrate.engine;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoopbackPortsTest {
    @TempDir
    Path tmp;

    @Test
    void onThisHostEveryPickIsBelowTheKernelsEphemeralRangeAndFree() throws IOException {
        Path file = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
        Assumptions.assumeTrue(Files.isReadable(file), "not Linux");
        int ephemeralLow;
        try (BufferedReader in = Files.newBufferedReader(file)) {
            ephemeralLow = Integer.parseInt(in.readLine().split("\\s+")[0]);
        }
        assertEquals(ephemeralLow, LoopbackPorts.ephemeralLow(file), "the range's first port, read whole");
        Assumptions.assumeTrue(ephemeralLow > LoopbackPorts.LOWEST + 1000, "no room below the range " + ephemeralLow);
        LoopbackPorts ports = LoopbackPorts.forThisHost();
        Set<Integer> taken = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            int port = ports.pick(taken);
            assertTrue(port >= LoopbackPorts.LOWEST && port < ephemeralLow,
                    port + " is not in " + LoopbackPorts.LOWEST + ".." + (ephemeralLow - 1));
            assertTrue(LoopbackPorts.bindable(port), port + " was handed out but cannot be bound");
            assertTrue(taken.add(port), port + " was handed out twice");
        }
    }

    @Test
    void aPortSomeoneListensOnOrAlreadyTakenIsNeverPicked() throws IOException {
        try (ServerSocket held = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = held.getLocalPort();
            // The only candidate below the range is the held port: the picker must go to the kernel.
            assertNotEquals(port, new LoopbackPorts(port, port).pick(Set.of()));
        }
        int free;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            free = probe.getLocalPort();
        }
        assertEquals(free, new LoopbackPorts(free, free).pick(Set.of()), "the one free candidate is taken first");
        assertNotEquals(free, new LoopbackPorts(free, free).pick(Set.of(free)), "a port in `taken` is not handed out");
    }

    @Test
    void withNoRoomBelowTheRangeTheKernelChooses() throws IOException {
        int port = new LoopbackPorts(LoopbackPorts.LOWEST, LoopbackPorts.LOWEST - 1).pick(Set.of());
        assertTrue(port > 0 && LoopbackPorts.bindable(port), "port " + port);
    }

    @Test
    void theRangeIsReadFromTheKernelsFileWithLinuxsDefaultWhenUnreadable() throws IOException {
        Path range = tmp.resolve("ip_local_port_range");
        Files.writeString(range, "40000\t60999\n");
        assertEquals(40_000, LoopbackPorts.ephemeralLow(range));
        assertEquals(32_768, LoopbackPorts.ephemeralLow(tmp.resolve("missing")));
        Files.writeString(range, "garbage");
        assertEquals(32_768, LoopbackPorts.ephemeralLow(range));
    }
}
