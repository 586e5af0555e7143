package io.repram.orchestrate.engine.swarm;

import io.repram.orchestrate.engine.Reason;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Task;
import com.github.dockerjava.api.model.TaskState;
import io.repram.orchestrate.engine.AgentEndpoint;
import io.repram.orchestrate.engine.AgentLauncher;
import io.repram.orchestrate.engine.Cluster;
import io.repram.orchestrate.engine.EngineException;
import io.repram.orchestrate.engine.NodeProbe;
import io.repram.orchestrate.engine.docker.DockerCleanup;
import io.repram.orchestrate.engine.docker.DockerConnection;
import io.repram.orchestrate.engine.docker.DockerLabels;
import io.repram.orchestrate.engine.docker.NodeContainerPlan;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Load agents on swarm: one replicated service ({@code repram-orchestrate agent}) from
 * {@value OrchestratorImage#AGENT_TAG} on the cluster's overlay network, spread like the nodes.
 * Each agent task is reached through a second gateway container, by its task name (which the
 * overlay's DNS resolves to that one task, unlike the service name).
 */
final class SwarmAgentLauncher implements AgentLauncher {
    private final DockerClient docker;
    private final SwarmTasks tasks;
    private final SwarmImages images;
    private final String sessionId;
    private final boolean reaped;
    private final Consumer<String> progress;
    private final BooleanSupplier closing;
    private final NodeProbe probe = new NodeProbe();
    private final Set<String> runs = ConcurrentHashMap.newKeySet();

    SwarmAgentLauncher(DockerClient docker, SwarmTasks tasks, SwarmImages images, String sessionId, boolean reaped,
                       Consumer<String> progress, BooleanSupplier closing) {
        this.docker = docker;
        this.tasks = tasks;
        this.images = images;
        this.sessionId = sessionId;
        this.reaped = reaped;
        this.progress = progress;
        this.closing = closing;
    }

    @Override
    public String name() {
        return "swarm";
    }

    @Override
    public List<AgentEndpoint> start(Cluster cluster, int count, Duration timeout) throws EngineException {
        if (count < 1) throw new EngineException("agent count must be >= 1, was " + count, Reason.BAD_INPUT);
        if (closing.getAsBoolean()) throw new EngineException("interrupted: the engine is closing", Reason.INTERRUPTED);
        OrchestratorImage.ensureAgent(docker, progress);
        String image = images.publish(OrchestratorImage.AGENT_TAG);
        return launch(cluster, count, timeout, ServiceSpecs.agentProgram(image));
    }

    /**
     * Runs {@code count} tasks of {@code program} as the cluster's agents service, publishes each task
     * through a gateway and waits until each answers {@code program.healthPath()}. Package-private so
     * the Docker test can run it with the node image (the agent command lives in another module version).
     */
    List<AgentEndpoint> launch(Cluster cluster, int count, Duration timeout, ServiceSpecs.TaskProgram program)
            throws EngineException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String service = ServiceSpecs.agentServiceName(cluster.id());
        Map<String, String> labels = ServiceSpecs.labels(sessionId, cluster.id(), cluster.spec().scenarioName(),
                DockerLabels.ROLE_AGENT, reaped);
        runs.add(cluster.id());
        try {
            docker.createServiceCmd(ServiceSpecs.replicated(service, program, ServiceSpecs.networkName(cluster.id()), count,
                    labels, null, null)).exec();
            List<Task> running = awaitRunning(service, count, deadline);
            List<String> targets = running.stream().map(t -> taskName(service, t) + ":" + program.port()).toList();
            List<Integer> ports = Gateway.start(docker, OrchestratorImage.ensureGateway(docker, progress),
                    service + "-gateway", ServiceSpecs.networkName(cluster.id()), targets, 0, labels);
            List<AgentEndpoint> agents = endpoints(cluster, service, running, ports);
            for (AgentEndpoint a : agents) awaitAnswer(a, service, program.healthPath(), deadline);
            agents.forEach(a -> progress.accept("Agent " + a.id() + " on " + a.placement() + ", control " + a.controlUri()));
            return agents;
        } catch (EngineException e) {
            close();
            throw e;
        } catch (RuntimeException e) {
            close();
            throw DockerConnection.failed("Starting " + count + " load agent(s) on swarm", e);
        }
    }

    /** The endpoints for running tasks: node targets are overlay names, control URIs loopback gateway ports. */
    List<AgentEndpoint> endpoints(Cluster cluster, String service, List<Task> running, List<Integer> ports) {
        List<URI> nodeTargets = new ArrayList<>();
        for (int i = 0; i < cluster.size(); i++) {
            nodeTargets.add(URI.create("http://" + NodeContainerPlan.containerName(cluster.id(), i) + ":"
                    + NodeContainerPlan.DEFAULT_HTTP_PORT));
        }
        List<AgentEndpoint> agents = new ArrayList<>();
        for (int i = 0; i < running.size(); i++) {
            Task t = running.get(i);
            String name = taskName(service, t);
            agents.add(new AgentEndpoint(i, "agent-" + i, URI.create("http://127.0.0.1:" + ports.get(i)), nodeTargets,
                    "swarm node " + tasks.hostname(t.getNodeId()) + " (task " + name + ")", null));
        }
        return agents;
    }

    /** Swarm names a task's container "service.slot.taskid"; the overlay's DNS knows that name. */
    static String taskName(String service, Task t) {
        return service + "." + t.getSlot() + "." + t.getId();
    }

    private List<Task> awaitRunning(String service, int count, long deadline) throws EngineException {
        while (true) {
            List<Task> running = tasks.tasks(service).stream()
                    .filter(t -> t.getStatus() != null && t.getStatus().getState() == TaskState.RUNNING)
                    .sorted(Comparator.comparing(t -> t.getSlot() == null ? 0 : t.getSlot()))
                    .toList();
            if (running.size() >= count) return running.subList(0, count);
            var failure = tasks.failure(service);
            if (failure.isPresent()) {
                throw new EngineException("A load agent task failed: " + failure.get() + "\nIts log:\n"
                        + tasks.logs(service, 30), Reason.ERROR);
            }
            if (System.nanoTime() > deadline) {
                throw new EngineException(running.size() + " of " + count + " load agent task(s) of " + service
                        + " are running after the timeout.\nFix: `docker service ps --no-trunc " + service
                        + "` says why; give more time or fewer agents.", Reason.ERROR);
            }
            sleep();
        }
    }

    private void awaitAnswer(AgentEndpoint agent, String service, String healthPath, long deadline) throws EngineException {
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                probe.get(agent.controlUri(), healthPath);
                return;
            } catch (IOException e) {
                last = e.getMessage();
            }
            sleep();
        }
        throw new EngineException("Load agent " + agent.id() + " (" + agent.placement() + ", " + agent.controlUri()
                + ") did not answer GET " + healthPath + ": " + last + ". The service's log:\n" + tasks.logs(service, 30),
                Reason.ERROR);
    }

    private static void sleep() throws EngineException {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted while starting load agents", Reason.INTERRUPTED, e);
        }
    }

    /** Removes the agents' service and gateway of every cluster this launcher served. Never throws. */
    @Override
    public void close() {
        for (String run : runs) {
            try {
                new DockerCleanup(docker).remove(List.of(DockerLabels.filter(DockerLabels.SESSION, sessionId),
                        DockerLabels.filter(DockerLabels.RUN, run), DockerLabels.filter(DockerLabels.ROLE, DockerLabels.ROLE_AGENT)),
                        labels -> false);
            } catch (RuntimeException e) {
                System.err.println("WARN removing the load agents of " + run + " failed: " + DockerConnection.rootMessage(e)
                        + "\nFix: `repram-orchestrate cleanup`.");
            }
        }
        runs.clear();
    }
}
