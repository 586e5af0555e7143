package io.repram.orchestrate.engine.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.api.model.Service;
import io.repram.orchestrate.engine.Leftover;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Removes labelled containers and networks. Always selects by label filter (ANDed), never by
 * name, so nothing this tool did not create is touched.
 */
public final class DockerCleanup {
    /** How long an overlay network may stay busy after its services were removed. */
    static final int OVERLAY_SETTLE_SECONDS = 20;
    private final DockerClient docker;

    public DockerCleanup(DockerClient docker) {
        this.docker = docker;
    }

    /** What was removed, for the user: "container repram-x-node-0", "network repram-x-net", swarm services. */
    public record Removed(List<String> containers, List<String> networks, List<String> services) {
        public Removed(List<String> containers, List<String> networks) {
            this(containers, networks, List.of());
        }

        public boolean isEmpty() {
            return containers.isEmpty() && networks.isEmpty() && services.isEmpty();
        }
    }

    /**
     * Swarm services with all the labels; none when this Engine is not a swarm manager (the
     * services API then refuses, and there can be none of ours to remove through it).
     */
    public List<Service> services(List<String> labelFilters) {
        try {
            return docker.listServicesCmd().withLabelFilter(DockerLabels.filterMap(labelFilters)).exec();
        } catch (RuntimeException notAManager) {
            return List.of();
        }
    }

    public List<Container> containers(List<String> labelFilters) {
        return docker.listContainersCmd().withShowAll(true).withLabelFilter(labelFilters).exec();
    }

    public List<Network> networks(List<String> labelFilters) {
        return docker.listNetworksCmd().withFilter("label", labelFilters).exec();
    }

    /** What {@link #remove} would remove with {@code keep} claiming nothing: services, containers, networks. */
    public List<Leftover> find(List<String> labelFilters) {
        List<Leftover> found = new ArrayList<>();
        for (Service s : services(labelFilters)) {
            Map<String, String> labels = labelsOf(s.getSpec() == null ? null : s.getSpec().getLabels());
            found.add(leftover("swarm service", s.getSpec() == null ? s.getId() : s.getSpec().getName(), labels));
        }
        for (Container c : containers(labelFilters)) found.add(leftover("container", displayName(c), labelsOf(c.getLabels())));
        for (Network n : networks(labelFilters)) found.add(leftover("network", n.getName(), labelsOf(n.getLabels())));
        return found;
    }

    private static Leftover leftover(String kind, String name, Map<String, String> labels) {
        return new Leftover(kind, name, labels.get(DockerLabels.SESSION), labels.get(DockerLabels.RUN),
                "true".equals(labels.get(DockerLabels.KEEP)));
    }

    /**
     * Removes every container, then every network, that carries all the given labels and that
     * {@code keep} does not claim (keep sees each object's labels).
     */
    public Removed remove(List<String> labelFilters, Predicate<Map<String, String>> keep) {
        // Services first: otherwise swarm would replace the task containers removed below.
        List<String> removedServices = new ArrayList<>();
        for (Service s : services(labelFilters)) {
            Map<String, String> labels = s.getSpec() == null ? null : s.getSpec().getLabels();
            if (keep.test(labelsOf(labels))) continue;
            try {
                docker.removeServiceCmd(s.getId()).exec();
                removedServices.add(s.getSpec() == null ? s.getId() : s.getSpec().getName());
            } catch (NotFoundException gone) {
                // removed concurrently: that is what we wanted
            } catch (RuntimeException e) {
                System.err.println("WARN could not remove service " + s.getId() + ": " + DockerConnection.rootMessage(e));
            }
        }
        List<String> removedContainers = Collections.synchronizedList(new ArrayList<>());
        containers(labelFilters).parallelStream()
                .filter(c -> !keep.test(labelsOf(c.getLabels())))
                .forEach(c -> {
                    if (removeContainer(c.getId(), "paused".equalsIgnoreCase(c.getState()))) {
                        removedContainers.add(displayName(c));
                    }
                });
        List<String> removedNetworks = new ArrayList<>();
        for (Network n : networks(labelFilters)) {
            if (keep.test(labelsOf(n.getLabels()))) continue;
            if (removeNetwork(n, !removedServices.isEmpty())) removedNetworks.add(n.getName());
        }
        return new Removed(List.copyOf(removedContainers), removedNetworks, removedServices);
    }

    /**
     * Removes one network. Right after its services were removed, swarm still detaches their tasks
     * for a few seconds ("has active endpoints"): then it tries again for up to
     * {@value #OVERLAY_SETTLE_SECONDS} s.
     */
    private boolean removeNetwork(Network n, boolean tasksLeaving) {
        long deadline = System.nanoTime() + (tasksLeaving ? OVERLAY_SETTLE_SECONDS * 1_000_000_000L : 0);
        while (true) {
            try {
                docker.removeNetworkCmd(n.getId()).exec();
                return true;
            } catch (NotFoundException gone) {
                // removed concurrently (e.g. by the shutdown hook): that is what we wanted
                return false;
            } catch (RuntimeException e) {
                // Swarm answers 500 "network ... not found" for an overlay another remover got first.
                String why = DockerConnection.rootMessage(e);
                if (why != null && why.contains("not found")) return false;
                if (System.nanoTime() > deadline) {
                    System.err.println("WARN could not remove network " + n.getName() + ": " + DockerConnection.rootMessage(e));
                    return false;
                }
                try {
                    Thread.sleep(250);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
    }

    /** Force-removes one container; a paused one is unpaused first because the daemon refuses otherwise. */
    public boolean removeContainer(String idOrName, boolean paused) {
        try {
            if (paused) {
                try {
                    docker.unpauseContainerCmd(idOrName).exec();
                } catch (RuntimeException ignored) {
                    // not paused any more: the remove below decides
                }
            }
            docker.removeContainerCmd(idOrName).withForce(true).withRemoveVolumes(true).exec();
            return true;
        } catch (NotFoundException gone) {
            return false;
        } catch (RuntimeException e) {
            System.err.println("WARN could not remove container " + idOrName + ": " + DockerConnection.rootMessage(e));
            return false;
        }
    }

    private static Map<String, String> labelsOf(Map<String, String> labels) {
        return labels == null ? Map.of() : labels;
    }

    private static String displayName(Container c) {
        String[] names = c.getNames();
        return names != null && names.length > 0 ? names[0].replaceFirst("^/", "") : c.getId().substring(0, 12);
    }
}
