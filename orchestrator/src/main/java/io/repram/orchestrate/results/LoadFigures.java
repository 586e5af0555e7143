package io.repram.orchestrate.results;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a load generator measured over its measured window (warm-up excluded).
 *
 * @param errorsByClass failures by class: "status_404", "status_503", "timeout", "connect", ...
 * @param nodes         per node, in target order; empty when the load did not record them
 *                      (distributed agents, results of older versions)
 */
public record LoadFigures(
        long requests,
        long successes,
        long failures,
        long puts,
        long gets,
        double elapsedSeconds,
        LatencySummary all,
        LatencySummary put,
        LatencySummary get,
        Map<String, Long> errorsByClass,
        List<NodeFigures> nodes) {

    public LoadFigures {
        errorsByClass = Map.copyOf(errorsByClass);
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
    }

    /** Figures without per-node figures. */
    public LoadFigures(long requests, long successes, long failures, long puts, long gets, double elapsedSeconds,
                       LatencySummary all, LatencySummary put, LatencySummary get, Map<String, Long> errorsByClass) {
        this(requests, successes, failures, puts, gets, elapsedSeconds, all, put, get, errorsByClass, List.of());
    }

    /** The node with the lowest availability (the lower index on a tie); empty without per-node figures. */
    public Optional<NodeFigures> worstNode() {
        return nodes.stream().min(Comparator.comparingDouble(NodeFigures::availabilityPercent)
                .thenComparingInt(NodeFigures::node));
    }

    public double requestsPerSec() {
        return elapsedSeconds <= 0 ? 0 : requests / elapsedSeconds;
    }

    public double putsPerSec() {
        return elapsedSeconds <= 0 ? 0 : puts / elapsedSeconds;
    }

    public double getsPerSec() {
        return elapsedSeconds <= 0 ? 0 : gets / elapsedSeconds;
    }

    /** Percent of requests that succeeded, 0..100. */
    public double successRate() {
        return requests == 0 ? 0 : 100.0 * successes / requests;
    }
}
