package io.repram.orchestrate.engine.process;

import io.repram.orchestrate.engine.Reason;
import io.repram.orchestrate.engine.EngineException;
import io.repram.orchestrate.engine.LoopbackPorts;

import java.io.IOException;
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
    private final LoopbackPorts free = LoopbackPorts.forThisHost();

    /**
     * @param basePort explicit first port (node i gets basePort+i, each must be free), or 0 for
     *                 free ports below the kernel's ephemeral range ({@link LoopbackPorts})
     */
    synchronized List<Integer> allocate(int count, int basePort) throws EngineException {
        List<Integer> ports = new ArrayList<>(count);
        try {
            for (int i = 0; i < count; i++) {
                int port = basePort > 0 ? explicit(basePort + i) : anyFree();
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
        if (reserved.contains(port) || !LoopbackPorts.bindable(port)) {
            throw new EngineException("Port 127.0.0.1:" + port + " is already in use. Fix: stop whatever listens"
                    + " there (ss -ltnp 'sport = :" + port + "'), choose another --base-port, or use 0 to let the"
                    + " process driver pick free ports.", Reason.PORT_IN_USE);
        }
        return port;
    }

    private int anyFree() throws EngineException {
        try {
            return free.pick(reserved);
        } catch (IOException e) {
            throw new EngineException("Cannot find a free port on 127.0.0.1: " + e.getMessage()
                    + ". Fix: check the loopback interface and the open-file limit (ulimit -n), or free some ports.",
                    Reason.PORT_IN_USE, e);
        }
    }
}
