package io.repram.orchestrate.engine.swarm;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.SwarmNode;
import com.github.dockerjava.api.model.Task;
import com.github.dockerjava.api.model.TaskState;
import io.repram.orchestrate.engine.Placement;
import io.repram.orchestrate.engine.docker.DockerConnection;
import io.repram.orchestrate.engine.docker.LogText;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads what swarm did with a service: its tasks, where they run, why one failed, its logs. */
final class SwarmTasks {
    /** Task states from which, with restart condition none, nothing will ever run. */
    static final Set<TaskState> DEAD = EnumSet.of(TaskState.FAILED, TaskState.REJECTED, TaskState.ORPHANED,
            TaskState.COMPLETE, TaskState.SHUTDOWN);
    /** The label swarm puts on every task container. */
    static final String SERVICE_NAME_LABEL = "com.docker.swarm.service.name";

    private final DockerClient docker;
    private final Map<String, String> hostnames = new HashMap<>();

    SwarmTasks(DockerClient docker) {
        this.docker = docker;
    }

    /** The service's tasks, newest first. */
    List<Task> tasks(String service) {
        return docker.listTasksCmd().withServiceFilter(service).exec().stream()
                .sorted(Comparator.comparing((Task t) -> t.getCreatedAt() == null ? "" : t.getCreatedAt()).reversed())
                .toList();
    }

    /**
     * Why the service can never become healthy, or empty while it may: a task that died before
     * running, e.g. "No such image" on a swarm node that lacks the image.
     */
    Optional<String> failure(String service) {
        List<Task> tasks = tasks(service);
        if (tasks.isEmpty()) return Optional.empty();
        Task t = tasks.get(0);
        return describeFailure(service, t, t.getNodeId() == null ? null : hostname(t.getNodeId()));
    }

    /** The failure text for a dead task, or empty for a live one; {@code hostname} null when unscheduled. */
    static Optional<String> describeFailure(String service, Task t, String hostname) {
        TaskState state = t.getStatus() == null ? null : t.getStatus().getState();
        if (state == null || !DEAD.contains(state)) return Optional.empty();
        String err = t.getStatus().getErr() != null ? t.getStatus().getErr() : t.getStatus().getMessage();
        String where = hostname == null ? "no swarm node (not scheduled)" : "swarm node " + hostname + " (" + t.getNodeId() + ")";
        String text = "task " + t.getId() + " of " + service + " is " + state.getValue() + " on " + where + ": " + err;
        if (err != null && err.contains("No such image")) {
            text += "\nThe image is missing on that swarm node. Fix: push it to a registry every node can pull from"
                    + " (--registry HOST/PREFIX), or `docker save | docker load` it onto every node.";
        }
        return Optional.of(text);
    }

    /** Where the service's newest task runs. */
    Placement placement(String clusterId, int clusterSize, int index, String service) {
        List<Task> tasks = tasks(service);
        if (tasks.isEmpty()) return new Placement(clusterId, clusterSize, index, service, "none", "", "unscheduled");
        Task t = tasks.get(0);
        return new Placement(clusterId, clusterSize, index, service, t.getId(), t.getNodeId() == null ? "" : t.getNodeId(),
                t.getNodeId() == null ? "unscheduled" : hostname(t.getNodeId()));
    }

    synchronized String hostname(String nodeId) {
        return hostnames.computeIfAbsent(nodeId, id -> {
            try {
                for (SwarmNode n : docker.listSwarmNodesCmd().exec()) {
                    if (n.getId().equals(id) && n.getDescription() != null) return n.getDescription().getHostname();
                }
            } catch (RuntimeException e) {
                // the id alone still says which machine
            }
            return id;
        });
    }

    /** The service's task container when it runs on this Engine (the one we talk to), else empty. */
    Optional<Container> localContainer(String service) {
        return docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(SERVICE_NAME_LABEL, service)).exec()
                .stream().max(Comparator.comparing(c -> c.getCreated() == null ? 0L : c.getCreated()));
    }

    /** The service's last log lines (all its tasks, on any swarm node). */
    String logs(String service, int tailLines) {
        String text;
        try {
            text = docker.logServiceCmd(service).withStdout(true).withStderr(true).withTail(tailLines)
                    .exec(new LogText()).await();
        } catch (RuntimeException e) {
            return "(no logs for service " + service + ": " + DockerConnection.rootMessage(e) + ")";
        }
        return text.isEmpty() ? "(service " + service + " logged nothing)" : text;
    }
}
