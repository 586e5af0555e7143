package io.repram.orchestrate.engine.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Network;

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
    private final DockerClient docker;

    public DockerCleanup(DockerClient docker) {
        this.docker = docker;
    }

    /** What was removed, for the user: "container repram-x-node-0", "network repram-x-net". */
    public record Removed(List<String> containers, List<String> networks) {
        public boolean isEmpty() {
            return containers.isEmpty() && networks.isEmpty();
        }
    }

    public List<Container> containers(List<String> labelFilters) {
        return docker.listContainersCmd().withShowAll(true).withLabelFilter(labelFilters).exec();
    }

    public List<Network> networks(List<String> labelFilters) {
        return docker.listNetworksCmd().withFilter("label", labelFilters).exec();
    }

    /**
     * Removes every container, then every network, that carries all the given labels and that
     * {@code keep} does not claim (keep sees each object's labels).
     */
    public Removed remove(List<String> labelFilters, Predicate<Map<String, String>> keep) {
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
            try {
                docker.removeNetworkCmd(n.getId()).exec();
                removedNetworks.add(n.getName());
            } catch (NotFoundException gone) {
                // removed concurrently (e.g. by the shutdown hook): that is what we wanted
            } catch (RuntimeException e) {
                System.err.println("WARN could not remove network " + n.getName() + ": " + DockerConnection.rootMessage(e));
            }
        }
        return new Removed(List.copyOf(removedContainers), removedNetworks);
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
