package io.repram.orchestrate.engine.docker;

import io.repram.orchestrate.engine.Reason;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import io.repram.orchestrate.engine.Cluster;
import io.repram.orchestrate.engine.ClusterSpec;
import io.repram.orchestrate.engine.EngineException;
import io.repram.orchestrate.engine.NodeEndpoint;
import io.repram.orchestrate.engine.HealthAnswer;
import io.repram.orchestrate.engine.NetworkMode;
import io.repram.orchestrate.engine.NodeProbe;
import io.repram.orchestrate.engine.Readiness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The start order upstream needs: node 0 first; once it is healthy, all the others at once with
 * node 0 as their only peer (upstream tries bootstrap once, so a peer that is not up yet is lost).
 * Containers 1..N-1 are created while node 0 boots, so only the start calls wait for it.
 */
final class ClusterStarter {
    private static final String LOOPBACK = NodeContainerPlan.LOOPBACK;
    /** Docker's name for "the host's own network stack". */
    static final String HOST_NETWORK = "host";
    /** A crashed node never answers: its container state is read every 10th poll (0.5 s), not at the timeout. */
    private static final Readiness NODE_HEALTH = Readiness.every(Duration.ofMillis(50), "a node's health")
            .checkDiedEvery(10);
    private final DockerSession session;
    private final DockerClient docker;
    private final NodeProbe probe;
    private final String sessionId;
    private final boolean keep;
    private final boolean reaped;
    private final Consumer<String> progress;

    ClusterStarter(DockerSession session, NodeProbe probe, boolean keep, Consumer<String> progress) {
        this.session = session;
        this.docker = session.client();
        this.probe = probe;
        this.sessionId = session.id();
        this.reaped = session.reaped();
        this.keep = keep;
        this.progress = progress;
    }

    /** @param mode HOST: no network of the cluster's own, and nothing published (the node listens on hostPorts itself) */
    Cluster start(ClusterSpec spec, List<NodeContainerPlan> plans, List<Integer> hostPorts, NetworkMode mode)
            throws EngineException {
        long begin = System.nanoTime();
        long deadline = begin + spec.healthTimeout().toNanos();
        String network = mode == NetworkMode.HOST ? HOST_NETWORK : NodeContainerPlan.networkName(spec.runId());
        if (mode != NetworkMode.HOST) {
            docker.createNetworkCmd().withName(network).withDriver("bridge").withCheckDuplicate(true)
                    .withLabels(DockerLabels.reaped(DockerLabels.network(sessionId, spec.runId(), spec.scenarioName(), keep), reaped))
                    .exec();
        }

        List<NodeEndpoint> endpoints = new ArrayList<>();
        for (NodeContainerPlan p : plans) {
            endpoints.add(new NodeEndpoint(p.index(), p.nodeId(), LOOPBACK, hostPorts.get(p.index())));
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(8, Math.max(1, plans.size() - 1)), r -> {
            Thread t = new Thread(r, "docker-start");
            t.setDaemon(true);
            return t;
        });
        try {
            try {
                create(spec, plans.get(0), hostPorts.get(0), network);
                startContainer(plans.get(0).containerName(), hostPorts.get(0));
            } catch (CompletionException e) {
                throw unwrap(e);
            }
            List<CompletableFuture<Void>> created = new ArrayList<>();
            for (NodeContainerPlan p : plans.subList(1, plans.size())) {
                created.add(CompletableFuture.runAsync(() -> create(spec, p, hostPorts.get(p.index()), network), pool));
            }
            awaitHealthy(endpoints.get(0), plans.get(0).containerName(), deadline);
            progress.accept(String.format(java.util.Locale.ROOT, "%.1f s: node-0 healthy on %s; starting %d more",
                    seconds(begin), endpoints.get(0).baseUri(), plans.size() - 1));
            List<CompletableFuture<Void>> started = new ArrayList<>();
            for (int i = 1; i < plans.size(); i++) {
                NodeContainerPlan p = plans.get(i);
                started.add(created.get(i - 1).thenRunAsync(() -> startContainer(p.containerName(), hostPorts.get(p.index())), pool));
            }
            join(started);
            progress.accept(String.format(java.util.Locale.ROOT, "%.1f s: all containers started; waiting for health and peers",
                    seconds(begin)));
            probe.awaitClusterReady(endpoints, Readiness.remaining(deadline),
                    i -> LogText.ofContainer(docker, plans.get(i).containerName(), 40));
            return new Cluster(spec.runId(), spec, endpoints);
        } finally {
            pool.shutdownNow();
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private void create(ClusterSpec spec, NodeContainerPlan plan, int hostPort, String network) {
        // After close() (Ctrl-C) nothing new may appear, or its sweep would miss it.
        if (session.closing()) {
            throw new CompletionException(new EngineException("interrupted: the engine is closing", Reason.INTERRUPTED));
        }
        boolean onHost = HOST_NETWORK.equals(network);
        ExposedPort http = ExposedPort.tcp(plan.httpPort());
        HostConfig host = HostConfig.newHostConfig().withNetworkMode(network);
        if (!onHost) {
            Ports bindings = new Ports();
            // 127.0.0.1 only: nodes are never reachable from other machines.
            bindings.bind(http, Ports.Binding.bindIpAndPort(LOOPBACK, hostPort));
            host.withPortBindings(bindings);
        }
        if (spec.cpus() != null) host.withNanoCPUs((long) (spec.cpus() * 1_000_000_000L));
        if (spec.memoryBytes() != null) host.withMemory(spec.memoryBytes());
        if (spec.cpusetOf(plan.index()) != null) host.withCpusetCpus(spec.cpusetOf(plan.index()));
        try {
            var create = docker.createContainerCmd(spec.image())
                    .withName(plan.containerName())
                    .withEnv(plan.envList())
                    .withLabels(nodeLabels(spec, plan.index(), hostPort))
                    .withHostConfig(host);
            // Docker refuses a hostname of the container's own beside the host's network stack.
            if (!onHost) create.withHostName(plan.containerName()).withExposedPorts(http);
            create.exec();
        } catch (ConflictException e) {
            throw new CompletionException(new EngineException("Container " + plan.containerName()
                    + " already exists (a run with the same id?): " + DockerConnection.rootMessage(e)
                    + "\nFix: use another run id, or remove leftovers with `repram-orchestrate cleanup`.",
                    Reason.ERROR, e));
        }
    }

    private java.util.Map<String, String> nodeLabels(ClusterSpec spec, int index, int hostPort) {
        java.util.Map<String, String> labels = DockerLabels.reaped(
                DockerLabels.node(sessionId, spec.runId(), spec.scenarioName(), index, keep), reaped);
        labels.put(DockerLabels.HOST_PORT, Integer.toString(hostPort));
        return labels;
    }

    private void startContainer(String name, int hostPort) {
        try {
            docker.startContainerCmd(name).exec();
        } catch (DockerException e) {
            String msg = DockerConnection.rootMessage(e);
            if (msg.contains("port is already allocated") || msg.contains("address already in use")) {
                throw new CompletionException(new EngineException("Host port 127.0.0.1:" + hostPort + " for " + name
                        + " was taken while starting: " + msg + "\nFix: pick another --base-port, or use 0 for any free port.",
                        Reason.PORT_IN_USE, e));
            }
            throw e;
        }
    }

    private void awaitHealthy(NodeEndpoint node, String container, long deadline) throws EngineException {
        HealthAnswer[] last = {null};
        NODE_HEALTH.await(deadline, () -> {
            last[0] = probe.health(node.baseUri());
            return Optional.ofNullable(last[0].problem());
        }, () -> {
            InspectContainerResponse.ContainerState state = docker.inspectContainerCmd(container).exec().getState();
            return Boolean.TRUE.equals(state.getRunning()) ? Optional.empty()
                    : Optional.of(unhealthy(container, node, "exited with code " + state.getExitCodeLong(), null));
        }, missing -> last[0].answered()
                ? unhealthy(container, node, last[0].problem() + " (still at the deadline)", last[0].fix())
                : unhealthy(container, node, "did not answer /v1/health in time", null));
    }

    private EngineException unhealthy(String container, NodeEndpoint node, String what, String fix) {
        return new EngineException("Node " + node.nodeId() + " (" + container + ", " + node.baseUri() + ") " + what
                + ". Its last log lines:\n" + LogText.ofContainer(docker, container, 40) + "\n"
                + (fix != null ? fix : "Fix: check the log above; a node image must listen on REPRAM_HTTP_PORT and answer GET /v1/health."),
                Reason.NODE_UNHEALTHY);
    }

    private static void join(List<CompletableFuture<Void>> futures) throws EngineException {
        try {
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw unwrap(e);
        }
    }

    /** Our own failures travel through futures wrapped; give the caller the EngineException back. */
    private static EngineException unwrap(CompletionException e) {
        Throwable cause = e.getCause();
        while (cause instanceof CompletionException && cause.getCause() != null) cause = cause.getCause();
        if (cause instanceof EngineException ee) return ee;
        if (cause instanceof RuntimeException re) throw re;
        throw e;
    }
}
