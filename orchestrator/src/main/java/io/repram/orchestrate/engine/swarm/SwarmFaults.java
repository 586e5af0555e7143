package io.repram.orchestrate.engine.swarm;

import io.repram.orchestrate.engine.Reason;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Service;
import com.github.dockerjava.api.model.ServiceModeConfig;
import com.github.dockerjava.api.model.ServiceReplicatedModeOptions;
import com.github.dockerjava.api.model.ServiceSpec;
import io.repram.orchestrate.engine.EngineException;
import io.repram.orchestrate.engine.FaultAction;
import io.repram.orchestrate.engine.docker.DockerConnection;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Faults on swarm nodes. A killed or stopped task is dead for swarm: its DNS name goes, so
 * starting its old container again would leave the node unreachable (measured). Hence START and
 * RESTART make swarm run a fresh task of the node's service (a forced update, replicas 1): same
 * name, id and env, empty memory, as after a restart with the docker driver. KILL and STOP act on
 * the task container when it runs on this Engine, otherwise they scale the service to 0. PAUSE and
 * UNPAUSE need the container, so only local tasks can be paused.
 */
final class SwarmFaults {
    static final Set<FaultAction> SUPPORTED = EnumSet.of(FaultAction.KILL, FaultAction.STOP, FaultAction.START,
            FaultAction.RESTART, FaultAction.PAUSE, FaultAction.UNPAUSE);
    private final DockerClient docker;
    private final SwarmTasks tasks;

    SwarmFaults(DockerClient docker, SwarmTasks tasks) {
        this.docker = docker;
        this.tasks = tasks;
    }

    void apply(String service, FaultAction action) throws EngineException {
        if (!SUPPORTED.contains(action)) {
            throw new EngineException("Fault " + action + " is not supported by the swarm driver (a task cannot be"
                    + " disconnected from its swarm-scoped network). Fix: use one of " + SUPPORTED + ", or --driver docker.",
                    Reason.BAD_INPUT);
        }
        try {
            switch (action) {
                case START, RESTART -> freshTask(service);
                case KILL, STOP -> {
                    Optional<String> local = runningLocal(service);
                    if (local.isEmpty()) {
                        scale(service, 0, false);
                    } else if (action == FaultAction.KILL) {
                        docker.killContainerCmd(local.get()).exec();
                    } else {
                        docker.stopContainerCmd(local.get()).withTimeout(2).exec();
                    }
                }
                case PAUSE, UNPAUSE -> {
                    String container = runningLocal(service).orElseThrow(() -> new EngineException("Fault " + action
                            + " on " + service + ": its task container does not run on the manager's Engine, and only"
                            + " that Engine can pause it. Fix: run pause faults on a single-node swarm, or with --driver docker.",
                            Reason.ERROR));
                    if (action == FaultAction.PAUSE) docker.pauseContainerCmd(container).exec();
                    else docker.unpauseContainerCmd(container).exec();
                }
                default -> throw new IllegalStateException("checked above: " + action);
            }
        } catch (NotModifiedException alreadyThere) {
            // e.g. STOP of a stopped node: it is in the state the fault asked for
        } catch (NotFoundException e) {
            throw new EngineException("Fault " + action + " on " + service + ": the service or its container is gone"
                    + " (was the cluster stopped?)", Reason.ERROR, e);
        } catch (ConflictException e) {
            throw new EngineException("Fault " + action + " on " + service + " refused by Docker: "
                    + DockerConnection.rootMessage(e), Reason.ERROR, e);
        } catch (RuntimeException e) {
            throw DockerConnection.failed("Fault " + action + " on " + service, e);
        }
    }

    private Optional<String> runningLocal(String service) {
        return tasks.localContainer(service).filter(c -> !"exited".equalsIgnoreCase(c.getState())
                && !"dead".equalsIgnoreCase(c.getState())).map(Container::getId);
    }

    private void freshTask(String service) {
        scale(service, 1, true);
    }

    /** A service update: replicas, and with {@code force} a new task even when nothing else changed. */
    private void scale(String service, int replicas, boolean force) {
        Service current = docker.inspectServiceCmd(service).exec();
        ServiceSpec spec = current.getSpec();
        spec.withMode(new ServiceModeConfig().withReplicated(new ServiceReplicatedModeOptions().withReplicas(replicas)));
        if (force) {
            Integer n = spec.getTaskTemplate().getForceUpdate();
            spec.getTaskTemplate().withForceUpdate(n == null ? 1 : n + 1);
        }
        // docker-java reads the spec back without its Preferences: put the spread back.
        spec.getTaskTemplate().withPlacement(new SpreadPlacement());
        docker.updateServiceCmd(current.getId(), spec).withVersion(current.getVersion().getIndex()).exec();
    }
}
