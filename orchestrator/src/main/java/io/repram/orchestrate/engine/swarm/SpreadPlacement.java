package io.repram.orchestrate.engine.swarm;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.github.dockerjava.api.model.ServicePlacement;

import java.util.List;
import java.util.Map;

/**
 * docker-java 3.4.2's ServicePlacement has no Preferences field; the Engine API does
 * ({@code Placement.Preferences[].Spread.SpreadDescriptor}). This adds it, so the nodes of one
 * cluster are spread over the swarm's machines instead of wherever the scheduler likes.
 */
final class SpreadPlacement extends ServicePlacement {
    private static final long serialVersionUID = 1L;
    static final String SPREAD_OVER = "node.id";

    @JsonProperty("Preferences")
    private final List<Map<String, Map<String, String>>> preferences =
            List.of(Map.of("Spread", Map.of("SpreadDescriptor", SPREAD_OVER)));

    List<Map<String, Map<String, String>>> preferences() {
        return preferences;
    }
}
