package io.repram.orchestrate.engine.swarm;

import io.repram.orchestrate.engine.Reason;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import io.repram.orchestrate.engine.EngineException;
import io.repram.orchestrate.engine.docker.DockerConnection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts a gateway container on this Engine (the manager), attached to a cluster's overlay network,
 * publishing one 127.0.0.1 port per target. Swarm itself can publish only on every interface, and
 * its ingress routing mesh needs IPVS; a plain container's port binding needs neither.
 */
final class Gateway {
    /** Container port of target i: FIRST_LISTEN_PORT + i. */
    static final int FIRST_LISTEN_PORT = 9000;
    private static final String LOOPBACK = "127.0.0.1";

    private Gateway() {
    }

    /**
     * @param targets  "host:port" per target, as the overlay's DNS knows them
     * @param basePort host port of target 0 (target i gets basePort+i), or 0 for free ports
     * @return the host port of each target, in order
     */
    static List<Integer> start(DockerClient docker, String image, String name, String network, List<String> targets,
                               int basePort, Map<String, String> labels) throws EngineException {
        Ports bindings = new Ports();
        List<ExposedPort> exposed = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            ExposedPort port = ExposedPort.tcp(FIRST_LISTEN_PORT + i);
            exposed.add(port);
            // 127.0.0.1 only: the cluster is never reachable from other machines through us.
            bindings.bind(port, basePort > 0 ? Ports.Binding.bindIpAndPort(LOOPBACK, basePort + i) : Ports.Binding.bindIp(LOOPBACK));
        }
        String id;
        try {
            id = docker.createContainerCmd(image)
                    .withName(name)
                    .withLabels(labels)
                    .withCmd(ServiceSpecs.routes(targets, FIRST_LISTEN_PORT))
                    .withExposedPorts(exposed)
                    .withHostConfig(HostConfig.newHostConfig().withNetworkMode(network).withPortBindings(bindings))
                    .exec().getId();
            docker.startContainerCmd(id).exec();
        } catch (DockerException e) {
            String msg = DockerConnection.rootMessage(e);
            if (msg.contains("port is already allocated") || msg.contains("address already in use")) {
                throw new EngineException("A host port of gateway " + name + " (127.0.0.1:" + basePort + "+) is taken: " + msg
                        + "\nFix: pick another --base-port, or use 0 for free ports.", Reason.PORT_IN_USE, e);
            }
            throw new EngineException("Starting the gateway container " + name + " on the overlay network " + network
                    + " failed: " + msg + "\nFix: the network must be attachable and this Engine a swarm manager;"
                    + " `docker network inspect " + network + "` shows it.", Reason.ERROR, e);
        }
        Map<ExposedPort, Ports.Binding[]> bound = docker.inspectContainerCmd(id).exec().getNetworkSettings().getPorts()
                .getBindings();
        List<Integer> hostPorts = new ArrayList<>();
        for (ExposedPort port : exposed) {
            hostPorts.add(Integer.parseInt(bound.get(port)[0].getHostPortSpec()));
        }
        return hostPorts;
    }
}
