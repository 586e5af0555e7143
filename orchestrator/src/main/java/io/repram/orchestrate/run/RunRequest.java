package io.repram.orchestrate.run;

import io.repram.orchestrate.scenario.ScenarioOverrides;
import io.repram.orchestrate.scenario.Units;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * What a {@link RunSession} is asked to run: a new run of a scenario file (or of the defaults), or
 * the rest of an interrupted run.
 *
 * @param scenarioFile   the scenario; null runs the defaults with {@code overrides}. When resuming it
 *                       is accepted only when it is the run's own scenario (its secret values are then
 *                       used), and refused otherwise
 * @param overrides      command-line axes replacing the scenario's; refused when resuming
 * @param resumeDir      an interrupted run's results directory to continue; null for a new run
 * @param resultsParent  where a new run's {@code scale_test_*} directory is created; unused when resuming
 * @param basePort       node i on 127.0.0.1:basePort+i; 0 for free ports
 * @param healthTimeout  how long nodes get to become healthy and see their peers
 * @param requestTimeout the load generator's per-request timeout
 */
public record RunRequest(Path scenarioFile, ScenarioOverrides overrides, Path resumeDir, Path resultsParent,
                         int basePort, Duration healthTimeout, Duration requestTimeout) {

    public static final Duration DEFAULT_HEALTH_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

    public RunRequest {
        overrides = overrides == null ? ScenarioOverrides.NONE : overrides;
        if (resumeDir == null) Objects.requireNonNull(resultsParent, "resultsParent");
        if (basePort < 0 || basePort > 65535) {
            throw new IllegalArgumentException("--base-port " + basePort + " is not a port. Fix: give 1..65535"
                    + " (node i listens on PORT+i), or 0 to let the driver pick free ports");
        }
        if (healthTimeout.isNegative() || healthTimeout.isZero()) {
            throw new IllegalArgumentException("--health-timeout " + Units.formatDuration(healthTimeout)
                    + " gives the nodes no time to start. Fix: give a positive duration, e.g. 60s (the default)");
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("the request timeout must be positive, was " + requestTimeout);
        }
    }

    /** Node i of the largest cluster listens on basePort+i: the last of them must still be a port. */
    void checkPortsFit(int largestCluster) {
        if (basePort > 0 && basePort + largestCluster - 1 > 65535) {
            throw new IllegalArgumentException("--base-port " + basePort + " leaves no room for " + largestCluster
                    + " nodes (node i listens on PORT+i, up to " + (basePort + largestCluster - 1) + "). Fix: give at"
                    + " most " + (65536 - largestCluster) + ", or 0 to let the driver pick free ports");
        }
    }

    /** A new run of {@code scenarioFile} (null: the defaults) on free ports, with the default timeouts. */
    public static RunRequest of(Path scenarioFile, ScenarioOverrides overrides, Path resultsParent) {
        return new RunRequest(scenarioFile, overrides, null, resultsParent, 0, DEFAULT_HEALTH_TIMEOUT,
                DEFAULT_REQUEST_TIMEOUT);
    }

    /** Continues the run in {@code resumeDir}, skipping its finished cells. */
    public static RunRequest resume(Path resumeDir) {
        return new RunRequest(null, null, resumeDir, null, 0, DEFAULT_HEALTH_TIMEOUT, DEFAULT_REQUEST_TIMEOUT);
    }

    /** Continues the run in {@code resumeDir} with {@code scenarioFile} and {@code overrides} given too. */
    public static RunRequest resume(Path resumeDir, Path scenarioFile, ScenarioOverrides overrides) {
        return new RunRequest(scenarioFile, overrides, resumeDir, null, 0, DEFAULT_HEALTH_TIMEOUT,
                DEFAULT_REQUEST_TIMEOUT);
    }

    public boolean resuming() {
        return resumeDir != null;
    }
}
