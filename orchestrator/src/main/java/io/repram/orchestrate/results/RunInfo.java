package io.repram.orchestrate.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.repram.orchestrate.engine.EngineDetails;
import io.repram.orchestrate.engine.EnvironmentInfo;
import io.repram.orchestrate.scenario.Scenario;
import io.repram.orchestrate.scenario.Secrets;

import java.nio.file.Path;
import java.time.Instant;

/**
 * {@code run.json}: what was run, where and with what, so a results directory explains itself.
 *
 * @param scenario      the scenario after command-line overrides, node secrets redacted (see
 *                      {@link Secrets}): results are uploaded as CI artifacts. Written with the
 *                      scenario file's keys, so it loads as a scenario file (see {@link ScenarioJson})
 * @param engineVersion the Docker Engine version, or the JVM version for the process driver
 * @param imageId       the node image id (docker) or the node jar's SHA-256 (process)
 * @param engineDetails multi-host engines only (swarm): node placement and the stats source
 */
public record RunInfo(
        @JsonSerialize(using = ScenarioJson.Out.class) @JsonDeserialize(using = ScenarioJson.In.class)
        Scenario scenario,
        String driver,
        String engineVersion,
        int cores,
        long memoryBytes,
        String imageId,
        Instant startedAt,
        String toolVersion,
        @JsonInclude(JsonInclude.Include.NON_NULL) EngineDetails engineDetails) {

    public RunInfo {
        scenario = Secrets.redact(scenario);
    }

    public RunInfo(Scenario scenario, String driver, String engineVersion, int cores, long memoryBytes, String imageId,
                   Instant startedAt, String toolVersion) {
        this(scenario, driver, engineVersion, cores, memoryBytes, imageId, startedAt, toolVersion, null);
    }

    public static RunInfo of(Scenario scenario, EnvironmentInfo env, Instant startedAt, String toolVersion) {
        return new RunInfo(scenario, env.driver(), env.engineVersion(), env.cores(), env.memoryBytes(), env.imageId(),
                startedAt, toolVersion);
    }

    public RunInfo withEngineDetails(EngineDetails details) {
        return new RunInfo(scenario, driver, engineVersion, cores, memoryBytes, imageId, startedAt, toolVersion, details);
    }

    /**
     * Rewrites {@code runJson} with the engine's details (known only once clusters ran); nothing to
     * do for engines without any.
     */
    public static void recordEngineDetails(Path runJson, RunInfo info, EngineDetails details) {
        if (details == null) return;
        AtomicFiles.write(runJson, ResultsJson.write(info.withEngineDetails(details)) + "\n");
    }
}
