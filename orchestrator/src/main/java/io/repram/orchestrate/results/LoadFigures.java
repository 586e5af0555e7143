package io.repram.orchestrate.results;

import java.util.Map;

/**
 * What a load generator measured over its measured window (warm-up excluded).
 *
 * @param errorsByClass failures by class: "status_404", "status_503", "timeout", "connect", ...
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
        Map<String, Long> errorsByClass) {

    public LoadFigures {
        errorsByClass = Map.copyOf(errorsByClass);
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
