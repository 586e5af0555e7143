package io.repram.orchestrate.engine.process;

import io.repram.orchestrate.engine.Reason;
import io.repram.orchestrate.engine.EngineException;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Picks 127.0.0.1 ports for the nodes of a cluster. Ports handed out earlier by this allocator are
 * never handed out again while reserved, so two clusters of one engine cannot collide.
 */
final class PortAllocator {
    private final Set<Integer> reserved = new HashSet<>();

    /**
     * @param basePort explicit first port (node i gets basePort+i, each must be free), or 0 for
     *                 ephemeral ports chosen by the kernel
     */
    synchronized List<Integer> allocate(int count, int basePort) throws EngineException {
        List<Integer> ports = new ArrayList<>(count);
        try {
            for (int i = 0; i < count; i++) {
                int port = basePort > 0 ? explicit(basePort + i) : ephemeral();
                ports.add(port);
                reserved.add(port);
            }
        } catch (EngineException e) {
            release(ports);
            throw e;
        }
        return ports;
    }

    /** Fails as {@link #allocate} would for {@code basePort}, but reserves nothing. */
    synchronized void checkFree(int basePort, int count) throws EngineException {
        for (int i = 0; i < count; i++) explicit(basePort + i);
    }

    synchronized void release(List<Integer> ports) {
        reserved.removeAll(ports);
    }

    private int explicit(int port) throws EngineException {
        if (port > 65535) {
            throw new EngineException("Port " + port + " is out of range. Fix: choose a lower --base-port,"
                    + " or 0 to let the process driver pick free ports.", Reason.BAD_INPUT);
        }
        if (reserved.contains(port) || !bindable(port)) {
            throw new EngineException("Port 127.0.0.1:" + port + " is already in use. Fix: stop whatever listens"
                    + " there (ss -ltnp 'sport = :" + port + "'), choose another --base-port, or use 0 to let the"
                    + " process driver pick free ports.", Reason.PORT_IN_USE);
        }
        return port;
    }

    private int ephemeral() throws EngineException {
        for (int attempt = 0; attempt < 20; attempt++) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int port = socket.getLocalPort();
                if (!reserved.contains(port)) return port;
            } catch (IOException e) {
                throw new EngineException("Cannot open any port on 127.0.0.1: " + e.getMessage()
                        + ". Fix: check the loopback interface and the open-file limit (ulimit -n).", Reason.ERROR, e);
            }
        }
        throw new EngineException("No free ephemeral port on 127.0.0.1 after 20 tries. Fix: free some ports"
                + " or widen net.ipv4.ip_local_port_range.", Reason.PORT_IN_USE);
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // Without SO_REUSEADDR a port in TIME_WAIT counts as taken; the node's server would
            // bind it fine (Jetty sets reuse), so mirror that.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
