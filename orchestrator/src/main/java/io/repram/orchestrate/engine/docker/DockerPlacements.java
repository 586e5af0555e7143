package io.repram.orchestrate.engine.docker;

import io.repram.orchestrate.engine.ClusterSpec;
import io.repram.orchestrate.engine.EngineDetails;
import io.repram.orchestrate.engine.NetworkMode;
import io.repram.orchestrate.engine.Placement;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The CPUs and network every started node got, once per cluster size, for run.json. */
final class DockerPlacements {
    private final List<Placement> placements = new CopyOnWriteArrayList<>();

    void record(ClusterSpec spec, NetworkMode mode, String clusterId) {
        // A replaced cluster of the same size is placed the same way: keep the first.
        if (placements.stream().anyMatch(p -> p.clusterSize() == spec.size())) return;
        for (int i = 0; i < spec.size(); i++) {
            placements.add(new Placement(clusterId, spec.size(), i, NodeContainerPlan.containerName(clusterId, i), null,
                    null, null, spec.cpusetOf(i), mode.key()));
        }
    }

    /** Null until a cluster started. */
    EngineDetails details() {
        if (placements.isEmpty()) return null;
        boolean onHost = placements.stream().anyMatch(p -> NetworkMode.HOST.key().equals(p.network()));
        return new EngineDetails(placements, onHost
                ? "docker stats (no per-node network counters: a node on the host's network has none of its own)"
                : "docker stats");
    }
}
