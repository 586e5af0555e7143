package io.repram.orchestrate.engine.docker;

import io.repram.orchestrate.engine.EngineException;
import io.repram.orchestrate.engine.NetworkMode;
import io.repram.orchestrate.engine.Reason;

import java.util.Locale;

/**
 * Which network a cluster's containers get. Host networking skips the bridge, its veth pairs and
 * the NAT of published ports, which cost about half the throughput of a 3-node cell on a 2-core
 * machine (issue 18). It is safe only where every node listens on 127.0.0.1 alone: the tool's own
 * image does (REPRAM_BIND_ADDRESS), an image we do not know may listen on every interface of the
 * machine, so those default to the bridge. On Docker Desktop the "host" is a VM, not this machine.
 */
final class NetworkChoice {
    private NetworkChoice() {
    }

    /**
     * @param requested       the scenario's node.network, or null for the default
     * @param daemonOs        the daemon's operating system as `docker info` reports it
     * @throws EngineException (BAD_INPUT) when host networking was asked for where it cannot work
     */
    static NetworkMode resolve(NetworkMode requested, String image, String daemonOs) throws EngineException {
        boolean desktop = daemonOs != null && daemonOs.toLowerCase(Locale.ROOT).contains("docker desktop");
        if (requested == NetworkMode.HOST && desktop) {
            throw new EngineException("node.network host needs a Docker Engine on this machine, but this one is Docker"
                    + " Desktop (" + daemonOs + "), whose host network is its VM's: the nodes would not be on this"
                    + " machine's 127.0.0.1. Fix: node.network bridge (or leave it out).", Reason.BAD_INPUT);
        }
        if (requested != null) return requested;
        return !desktop && ImageBuilder.isDefaultImage(image) ? NetworkMode.HOST : NetworkMode.BRIDGE;
    }
}
