package io.repram.orchestrate.engine.docker;

import io.repram.orchestrate.engine.Reason;
import io.repram.orchestrate.engine.EngineException;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HostPortsTest {
    @Test
    void anExplicitPortThatIsTakenFailsWithPortInUse() throws Exception {
        try (ServerSocket taken = listen()) {
            EngineException e = assertThrows(EngineException.class,
                    () -> HostPorts.allocate(taken.getLocalPort(), 1, true, Set.of()));
            assertEquals(Reason.PORT_IN_USE, e.reason());
            assertTrue(e.getMessage().contains("127.0.0.1:" + taken.getLocalPort()), e.getMessage());
            assertTrue(e.getMessage().contains("--base-port"), "the message names the fix: " + e.getMessage());
        }
    }

    @Test
    void aPreferredPortThatIsTakenFallsBackToAFreeOne() throws Exception {
        try (ServerSocket taken = listen()) {
            List<Integer> ports = HostPorts.allocate(taken.getLocalPort(), 1, false, Set.of());
            assertNotEquals(taken.getLocalPort(), ports.get(0));
            assertTrue(HostPorts.isFree(ports.get(0), Set.of()));
        }
    }

    @Test
    void portsPublishedByContainersCountAsTakenAndAllPortsDiffer() throws Exception {
        int free;
        try (ServerSocket s = listen()) {
            free = s.getLocalPort();
        }
        assertFalse(HostPorts.isFree(free, Set.of(free)), "no socket, but a container publishes it");
        assertThrows(EngineException.class, () -> HostPorts.allocate(free, 1, true, Set.of(free)));
        List<Integer> ephemeral = HostPorts.allocate(0, 5, false, Set.of());
        assertEquals(5, new HashSet<>(ephemeral).size());
    }

    private static ServerSocket listen() throws Exception {
        ServerSocket s = new ServerSocket();
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        return s;
    }
}
