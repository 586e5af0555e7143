package io.repram.orchestrate.report;

import io.repram.orchestrate.engine.EnvironmentInfo;
import io.repram.orchestrate.scenario.Scenario;

import java.time.Instant;

/**
 * {@code run.json}: what was run, where and with what, so a results directory explains itself.
 *
 * @param scenario      the scenario after command-line overrides
 * @param engineVersion the Docker Engine version, or the JVM version for the process driver
 * @param imageId       the node image id (docker) or the node jar's SHA-256 (process)
 */
public record RunInfo(
        Scenario scenario,
        String driver,
        String engineVersion,
        int cores,
        long memoryBytes,
        String imageId,
        Instant startedAt,
        String toolVersion) {

    public static RunInfo of(Scenario scenario, EnvironmentInfo env, Instant startedAt, String toolVersion) {
        return new RunInfo(scenario, env.driver(), env.engineVersion(), env.cores(), env.memoryBytes(), env.imageId(),
                startedAt, toolVersion);
    }
}
