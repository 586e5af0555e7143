package io.repram.orchestrate.run;

import io.repram.orchestrate.scenario.ScenarioOverrides;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * What a {@link RunSession} is asked to run: a new run of a scenario file (or of the defaults), or
 * the rest of an interrupted run.
 *
 * @param scenarioFile   the scenario; null runs the defaults with {@code overrides}
 * @param overrides      command-line axes replacing the scenario's; ignored when resuming
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
            throw new IllegalArgumentException("--base-port must be 0..65535, was " + basePort);
        }
        if (healthTimeout.isNegative() || healthTimeout.isZero()) {
            throw new IllegalArgumentException("--health-timeout must be positive, was " + healthTimeout);
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("the request timeout must be positive, was " + requestTimeout);
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

    public boolean resuming() {
        return resumeDir != null;
    }
}
