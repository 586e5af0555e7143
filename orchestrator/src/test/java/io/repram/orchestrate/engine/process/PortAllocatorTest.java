package io.repram.orchestrate.engine.process;

import io.repram.orchestrate.engine.Reason;
import io.repram.orchestrate.engine.EngineException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PortAllocatorTest {

    @Test
    void freePortsAreDistinctAcrossCallsAndBelowTheKernelsEphemeralRange() throws EngineException, IOException {
        PortAllocator allocator = new PortAllocator();
        List<Integer> first = allocator.allocate(3, 0);
        List<Integer> second = allocator.allocate(3, 0);
        HashSet<Integer> all = new HashSet<>(first);
        all.addAll(second);
        assertEquals(6, all.size());
        // Outgoing connections take their source ports from this range: a node port there can be gone
        // before the node binds it.
        int ephemeralLow = Integer.parseInt(Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))
                .get(0).split("\\s+")[0]);
        all.forEach(p -> assertTrue(p >= 10_000 && p < ephemeralLow, p + " is not below " + ephemeralLow));
    }

    @Test
    void explicitBasePortGivesConsecutivePorts() throws EngineException, IOException {
        int base = freeBlockStart();
        assertEquals(List.of(base, base + 1, base + 2), new PortAllocator().allocate(3, base));
    }

    @Test
    void explicitPortThatIsTakenFailsWithPortInUse() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            EngineException e = assertThrows(EngineException.class,
                    () -> new PortAllocator().allocate(1, taken.getLocalPort()));
            assertEquals(Reason.PORT_IN_USE, e.reason());
            assertTrue(e.getMessage().contains(Integer.toString(taken.getLocalPort())), e.getMessage());
        }
    }

    @Test
    void aReservedPortIsNotHandedOutTwiceUntilReleased() throws EngineException, IOException {
        PortAllocator allocator = new PortAllocator();
        int base = freeBlockStart();
        List<Integer> ports = allocator.allocate(1, base);
        assertEquals(Reason.PORT_IN_USE, assertThrows(EngineException.class, () -> allocator.allocate(1, base)).reason());
        allocator.release(ports);
        assertEquals(List.of(base), allocator.allocate(1, base));
    }

    /** An ephemeral port whose next two neighbours are free too, as far as one can tell. */
    private static int freeBlockStart() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base;
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                base = s.getLocalPort();
            }
            if (base + 2 <= 65535 && free(base + 1) && free(base + 2)) return base;
        }
        throw new IllegalStateException("no block of 3 free ports found");
    }

    private static boolean free(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
