package io.repram.orchestrate.engine;

import java.util.List;

/**
 * What a multi-host engine adds to run.json once clusters ran.
 *
 * @param placement   where every node of every cluster ran
 * @param statsSource where the node resource samples came from, e.g. "docker stats" or
 *                    "/v1/metrics polling" (with the reason)
 */
public record EngineDetails(List<Placement> placement, String statsSource) {
    public EngineDetails {
        placement = List.copyOf(placement);
    }
}
