package io.repram.orchestrate.engine.docker;

import io.repram.orchestrate.engine.Reason;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerPort;
import io.repram.orchestrate.engine.EngineException;
import io.repram.orchestrate.engine.LoopbackPorts;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Picks the 127.0.0.1 host ports to publish. With dockerd --userland-proxy=false a published port
 * is an iptables rule and holds no socket, so "free" means both: no local listener AND no
 * container already publishing it.
 */
public final class HostPorts {
    private HostPorts() {
    }

    /**
     * @param basePort  node i gets basePort+i when free; 0 = ephemeral ports only
     * @param strict    true when the user asked for basePort explicitly: a taken port is an error
     * @param published host ports that containers already publish
     */
    public static List<Integer> allocate(int basePort, int count, boolean strict, Set<Integer> published)
            throws EngineException {
        List<Integer> ports = new ArrayList<>(count);
        Set<Integer> taken = new HashSet<>(published);
        for (int i = 0; i < count; i++) {
            int port = 0;
            if (basePort > 0) {
                int wanted = basePort + i;
                if (wanted < 65536 && isFree(wanted, taken)) {
                    port = wanted;
                } else if (strict) {
                    throw new EngineException("Port 127.0.0.1:" + wanted + " (base port " + basePort + " + node " + i
                            + ") is already in use" + (published.contains(wanted) ? " by another container" : "")
                            + ".\nFix: pick another base port (--base-port), stop what holds it"
                            + " (`repram-orchestrate cluster ls` shows kept clusters), or use --base-port 0 for any free ports.",
                            Reason.PORT_IN_USE);
                }
            }
            if (port == 0) port = anyFree(taken);
            taken.add(port);
            ports.add(port);
        }
        return ports;
    }

    public static boolean isFree(int port, Set<Integer> published) {
        if (published.contains(port)) return false;
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int anyFree(Set<Integer> taken) throws EngineException {
        try {
            // Host networking binds in the host's namespace, where a port of the ephemeral range can
            // be taken by an outgoing connection before the node starts (LoopbackPorts says why).
            return LoopbackPorts.forThisHost().pick(taken);
        } catch (IOException e) {
            throw new EngineException("No free port on 127.0.0.1: " + e.getMessage(), Reason.PORT_IN_USE, e);
        }
    }

    /** Host ports that running containers publish (no socket holds them without the userland proxy). */
    public static Set<Integer> publishedBy(DockerClient docker) {
        Set<Integer> ports = new HashSet<>();
        for (Container c : docker.listContainersCmd().exec()) {
            if (c.getPorts() == null) continue;
            for (ContainerPort p : c.getPorts()) {
                if (p.getPublicPort() != null) ports.add(p.getPublicPort());
            }
        }
        return ports;
    }
}
