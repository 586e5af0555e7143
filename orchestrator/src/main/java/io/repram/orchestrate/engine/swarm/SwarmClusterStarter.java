package io.repram.orchestrate.engine.swarm;

import io.repram.orchestrate.engine.Reason;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import io.repram.orchestrate.engine.Cluster;
import io.repram.orchestrate.engine.ClusterSpec;
import io.repram.orchestrate.engine.EngineException;
import io.repram.orchestrate.engine.NodeEndpoint;
import io.repram.orchestrate.engine.HealthAnswer;
import io.repram.orchestrate.engine.NodeProbe;
import io.repram.orchestrate.engine.Readiness;
import io.repram.orchestrate.engine.docker.DockerConnection;
import io.repram.orchestrate.engine.docker.DockerLabels;
import io.repram.orchestrate.engine.docker.DockerSession;
import io.repram.orchestrate.engine.docker.NodeContainerPlan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The docker driver's start order, on swarm: overlay network, gateway, node 0's service; once
 * node 0 is healthy the other services at once, bootstrapping from node 0; then health and
 * topology for all. A task that dies (e.g. "No such image" on some swarm node) fails the start
 * at once, naming the node, instead of at the timeout.
 */
final class SwarmClusterStarter {
    private static final String LOOPBACK = "127.0.0.1";
    /** A task that died is looked up every 10th poll (1 s): it costs a Docker call. */
    private static final Readiness NODE_HEALTH = Readiness.every(Duration.ofMillis(100), "a node service's health")
            .checkDiedEvery(10);
    private final DockerSession session;
    private final DockerClient docker;
    private final NodeProbe probe;
    private final SwarmTasks tasks;
    private final String sessionId;
    private final boolean reaped;
    private final Consumer<String> progress;

    SwarmClusterStarter(DockerSession session, NodeProbe probe, SwarmTasks tasks, Consumer<String> progress) {
        this.session = session;
        this.docker = session.client();
        this.probe = probe;
        this.tasks = tasks;
        this.sessionId = session.id();
        this.reaped = session.reaped();
        this.progress = progress;
    }

    Cluster start(ClusterSpec spec, List<NodeContainerPlan> plans, String nodeImage, String gatewayImage, int basePort)
            throws EngineException {
        long begin = System.nanoTime();
        long deadline = begin + spec.healthTimeout().toNanos();
        String network = ServiceSpecs.networkName(spec.runId());
        docker.createNetworkCmd().withName(network).withDriver("overlay").withAttachable(true).withCheckDuplicate(true)
                .withLabels(ServiceSpecs.labels(sessionId, spec.runId(), spec.scenarioName(), DockerLabels.ROLE_NETWORK, reaped))
                .exec();
        List<String> targets = plans.stream().map(p -> p.containerName() + ":" + p.httpPort()).toList();
        List<Integer> ports = Gateway.start(docker, gatewayImage, ServiceSpecs.gatewayName(spec.runId()), network, targets,
                basePort, ServiceSpecs.labels(sessionId, spec.runId(), spec.scenarioName(), DockerLabels.ROLE_GATEWAY, reaped));
        List<NodeEndpoint> endpoints = new ArrayList<>();
        for (NodeContainerPlan p : plans) {
            endpoints.add(new NodeEndpoint(p.index(), p.nodeId(), LOOPBACK, ports.get(p.index())));
        }
        createService(spec, plans.get(0), nodeImage, network);
        awaitHealthy(endpoints.get(0), plans.get(0).containerName(), deadline);
        progress.accept(String.format(Locale.ROOT, "%.1f s: node-0 healthy on %s (through the gateway); creating %d more service(s)",
                seconds(begin), endpoints.get(0).baseUri(), plans.size() - 1));
        for (NodeContainerPlan p : plans.subList(1, plans.size())) createService(spec, p, nodeImage, network);
        for (NodeContainerPlan p : plans.subList(1, plans.size())) awaitHealthy(endpoints.get(p.index()), p.containerName(), deadline);
        probe.awaitClusterReady(endpoints, Readiness.remaining(deadline), i -> tasks.logs(plans.get(i).containerName(), 40));
        progress.accept(String.format(Locale.ROOT, "%.1f s: %d node service(s) healthy and meshed", seconds(begin), plans.size()));
        return new Cluster(spec.runId(), spec, endpoints);
    }

    private void createService(ClusterSpec spec, NodeContainerPlan plan, String image, String network) throws EngineException {
        // After close() (Ctrl-C) nothing new may appear, or its sweep would miss it.
        if (session.closing()) throw new EngineException("interrupted: the engine is closing", Reason.INTERRUPTED);
        try {
            docker.createServiceCmd(ServiceSpecs.node(spec, plan, image, network,
                    ServiceSpecs.nodeLabels(sessionId, spec, plan.index(), reaped), null)).exec();
        } catch (ConflictException e) {
            throw new EngineException("Service " + plan.containerName() + " already exists (a run with the same id?): "
                    + DockerConnection.rootMessage(e) + "\nFix: use another run id, or `repram-orchestrate cleanup`.",
                    Reason.ERROR, e);
        }
    }

    private void awaitHealthy(NodeEndpoint node, String service, long deadline) throws EngineException {
        HealthAnswer[] last = {null};
        NODE_HEALTH.await(deadline, () -> {
            last[0] = probe.health(node.baseUri());
            return Optional.ofNullable(last[0].problem());
        }, () -> tasks.failure(service).map(failure -> unhealthy(node, service, failure, null,
                failure.contains("No such image") ? Reason.IMAGE_MISSING : Reason.NODE_UNHEALTHY)),
                missing -> last[0].answered()
                        ? unhealthy(node, service, last[0].problem() + " (still at the deadline)", last[0].fix(), Reason.NODE_UNHEALTHY)
                        : unhealthy(node, service, "did not answer /v1/health in time; tasks: "
                                + tasks.failure(service).orElse("still starting or running"), null, Reason.NODE_UNHEALTHY));
    }

    private EngineException unhealthy(NodeEndpoint node, String service, String what, String fix, Reason reason) {
        return new EngineException("Node " + node.nodeId() + " (service " + service + ", " + node.baseUri() + "): " + what
                + "\nIts last log lines:\n" + tasks.logs(service, 40) + "\n"
                + (fix != null ? fix : "Fix: check the log above; `docker service ps --no-trunc " + service + "` shows every task."),
                reason);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
