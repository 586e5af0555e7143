package io.repram.orchestrate.engine;

import java.util.List;

/**
 * What an engine adds to run.json once clusters ran: where nodes ran, on which CPUs and network.
 *
 * @param placement   where every node of every cluster ran
 * @param statsSource where the node resource samples came from, e.g. "docker stats" or
 *                    "/v1/metrics polling" (with the reason)
 * @param loadCpuset  the CPUs the load generator (this process and its local agents) was pinned
 *                    to by load.isolate, or null
 */
public record EngineDetails(List<Placement> placement, String statsSource, String loadCpuset) {
    public EngineDetails {
        placement = List.copyOf(placement);
    }

    public EngineDetails(List<Placement> placement, String statsSource) {
        this(placement, statsSource, null);
    }

    public EngineDetails withLoadCpuset(String cpuset) {
        return new EngineDetails(placement, statsSource, cpuset);
    }
}
