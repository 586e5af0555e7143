package io.repram.orchestrate.results;

import java.util.List;
import java.util.Map;

/**
 * What the load saw of one node over the measured window (warm-up excluded).
 *
 * @param node                index of the node (the load's target index: node i is target i)
 * @param target              the node's base URL as the load used it
 * @param attempts            requests sent to the node, each failed connect included: {@code successes + failures}
 * @param successes           responses with a 2xx status
 * @param failures            everything else: error statuses, timeouts, refused or broken connections
 * @param errorsByClass       failures by class, as in {@link LoadFigures#errorsByClass()}
 * @param intervals           the measured window's intervals of about one second that count (see
 *                            orchestrator/README.md: intervals shorter than half a second do not)
 * @param answeredIntervals   of those, the intervals in which the node answered at least one request with 2xx
 * @param availabilityPercent {@code 100 * answeredIntervals / intervals}; 100 when no interval counted
 * @param outages             runs of consecutive intervals in which the node answered nothing successfully
 */
public record NodeFigures(
        int node,
        String target,
        long attempts,
        long successes,
        long failures,
        Map<String, Long> errorsByClass,
        int intervals,
        int answeredIntervals,
        double availabilityPercent,
        List<Outage> outages) {

    public NodeFigures {
        errorsByClass = errorsByClass == null ? Map.of() : Map.copyOf(errorsByClass);
        outages = outages == null ? List.of() : List.copyOf(outages);
    }

    /** The longest of its outages, 0 without one. */
    public double longestOutageSeconds() {
        return outages.stream().mapToDouble(Outage::seconds).max().orElse(0);
    }

    /** Seconds of the measured window in which the node answered nothing successfully. */
    public double unavailableSeconds() {
        return outages.stream().mapToDouble(Outage::seconds).sum();
    }

    /**
     * A stretch of the measured window in which a node answered no request successfully.
     *
     * @param startSeconds offset of its first interval from the start of the measured window
     * @param seconds      its length (the sum of its intervals' lengths)
     */
    public record Outage(double startSeconds, double seconds) {
    }
}
