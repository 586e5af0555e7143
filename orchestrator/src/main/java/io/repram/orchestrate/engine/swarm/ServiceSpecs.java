package io.repram.orchestrate.engine.swarm;

import com.github.dockerjava.api.model.ContainerSpec;
import com.github.dockerjava.api.model.EndpointResolutionMode;
import com.github.dockerjava.api.model.EndpointSpec;
import com.github.dockerjava.api.model.NetworkAttachmentConfig;
import com.github.dockerjava.api.model.PortConfig;
import com.github.dockerjava.api.model.PortConfigProtocol;
import com.github.dockerjava.api.model.ResourceRequirements;
import com.github.dockerjava.api.model.ResourceSpecs;
import com.github.dockerjava.api.model.ServiceModeConfig;
import com.github.dockerjava.api.model.ServiceReplicatedModeOptions;
import com.github.dockerjava.api.model.ServiceRestartCondition;
import com.github.dockerjava.api.model.ServiceRestartPolicy;
import com.github.dockerjava.api.model.ServiceSpec;
import com.github.dockerjava.api.model.TaskSpec;
import io.repram.orchestrate.engine.ClusterSpec;
import io.repram.orchestrate.engine.docker.DockerLabels;
import io.repram.orchestrate.engine.docker.NodeContainerPlan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The swarm services this driver creates, as pure functions of the cluster spec, so names,
 * labels, env and the swarm knobs that make faults and addressing work are unit-tested without
 * Docker.
 */
final class ServiceSpecs {
    /** Where agents listen inside the overlay (the gateway forwards a loopback port to it). */
    static final int AGENT_PORT = 7070;

    private ServiceSpecs() {
    }

    /**
     * One service per node: replicas 1 so the node keeps its id and peer list; DNS round robin
     * because VIPs need IPVS, which many kernels lack (the service name then resolves straight to
     * the task); restart condition none, because a KILL fault that swarm undoes is no fault.
     *
     * @param hostPort the swarm-published port for host publish mode, or null (gateway mode)
     */
    static ServiceSpec node(ClusterSpec spec, NodeContainerPlan plan, String image, String network,
                            Map<String, String> labels, Integer hostPort) {
        EndpointSpec endpoint = new EndpointSpec().withMode(EndpointResolutionMode.DNSRR);
        if (hostPort != null) {
            // Host mode: the port opens on the machine that runs the task, on every interface (swarm cannot bind one).
            endpoint.withPorts(List.of(new PortConfig().withProtocol(PortConfigProtocol.TCP).withTargetPort(plan.httpPort())
                    .withPublishedPort(hostPort).withPublishMode(PortConfig.PublishMode.host)));
        }
        return new ServiceSpec()
                .withName(plan.containerName())
                .withLabels(labels)
                .withMode(new ServiceModeConfig().withReplicated(new ServiceReplicatedModeOptions().withReplicas(1)))
                .withEndpointSpec(endpoint)
                .withTaskTemplate(task(new ContainerSpec().withImage(image).withEnv(plan.envList()).withLabels(labels)
                                .withHostname(plan.containerName()),
                        network, spec.cpus(), spec.memoryBytes()));
    }

    /**
     * The agents: one replicated service running {@code repram-orchestrate agent}; the gateway
     * reaches each task by its task name (DNS round robin hides which task answers the service name).
     */
    static ServiceSpec agents(String name, String image, String network, int count, Map<String, String> labels,
                              Double cpus, Long memoryBytes) {
        return replicated(name, agentProgram(image), network, count, labels, cpus, memoryBytes);
    }

    /** {@code repram-orchestrate agent} listening on the overlay, healthy once GET /v1/agent answers. */
    static TaskProgram agentProgram(String image) {
        return new TaskProgram(image, List.of("agent", "--port", Integer.toString(AGENT_PORT),
                "--bind", "0.0.0.0"), Map.of(), AGENT_PORT, "/v1/agent");
    }

    /** What each task of a replicated service runs and how it is checked. */
    record TaskProgram(String image, List<String> args, Map<String, String> env, int port, String healthPath) {
        TaskProgram {
            args = List.copyOf(args);
            env = Map.copyOf(env);
        }
    }

    static ServiceSpec replicated(String name, TaskProgram program, String network, int count, Map<String, String> labels,
                                  Double cpus, Long memoryBytes) {
        ContainerSpec container = new ContainerSpec().withImage(program.image()).withLabels(labels)
                .withEnv(program.env().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).sorted().toList());
        if (!program.args().isEmpty()) container.withArgs(program.args());
        return new ServiceSpec()
                .withName(name)
                .withLabels(labels)
                .withMode(new ServiceModeConfig().withReplicated(new ServiceReplicatedModeOptions().withReplicas(count)))
                .withEndpointSpec(new EndpointSpec().withMode(EndpointResolutionMode.DNSRR))
                .withTaskTemplate(task(container, network, cpus, memoryBytes));
    }

    private static TaskSpec task(ContainerSpec container, String network, Double cpus, Long memoryBytes) {
        TaskSpec task = new TaskSpec()
                .withContainerSpec(container)
                .withRestartPolicy(new ServiceRestartPolicy().withCondition(ServiceRestartCondition.NONE))
                .withPlacement(new SpreadPlacement())
                .withNetworks(List.of(new NetworkAttachmentConfig().withTarget(network)));
        if (cpus != null || memoryBytes != null) {
            // Limits and reservations alike: the scheduler then places a node only where its share really is.
            task.withResources(new ResourceRequirements().withLimits(resources(cpus, memoryBytes))
                    .withReservations(resources(cpus, memoryBytes)));
        }
        return task;
    }

    private static ResourceSpecs resources(Double cpus, Long memoryBytes) {
        ResourceSpecs r = new ResourceSpecs();
        if (cpus != null) r.withNanoCPUs((long) (cpus * 1_000_000_000L));
        if (memoryBytes != null) r.withMemoryBytes(memoryBytes);
        return r;
    }

    static String networkName(String runId) {
        return NodeContainerPlan.networkName(runId);
    }

    static String gatewayName(String runId) {
        return "repram-" + runId + "-gateway";
    }

    static String agentServiceName(String runId) {
        return "repram-" + runId + "-agent";
    }

    /** Node labels: the docker driver's, so the sweeps and `cleanup` treat both drivers alike. */
    static Map<String, String> nodeLabels(String session, ClusterSpec spec, int index, boolean reaped) {
        return DockerLabels.reaped(DockerLabels.node(session, spec.runId(), spec.scenarioName(), index, false), reaped);
    }

    static Map<String, String> labels(String session, String runId, String scenario, String role, boolean reaped) {
        return DockerLabels.reaped(DockerLabels.common(session, runId, scenario, role, false), reaped);
    }

    /** The gateway's routes as GatewayMain reads them: "listenPort=host:port", one per node. */
    static List<String> routes(List<String> targets, int firstListenPort) {
        List<String> routes = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) routes.add((firstListenPort + i) + "=" + targets.get(i));
        return routes;
    }

    static Map<String, String> copy(Map<String, String> labels) {
        return new LinkedHashMap<>(labels);
    }
}
