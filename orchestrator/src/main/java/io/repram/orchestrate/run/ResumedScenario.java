package io.repram.orchestrate.run;

import io.repram.orchestrate.results.RunResults;
import io.repram.orchestrate.scenario.Scenario;
import io.repram.orchestrate.scenario.ScenarioException;
import io.repram.orchestrate.scenario.ScenarioLoader;
import io.repram.orchestrate.scenario.ScenarioOverrides;
import io.repram.orchestrate.scenario.Secrets;

import java.nio.file.Path;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The scenario a {@code --resume} continues with: the one in run.json, since its finished cells
 * were measured with it. Flags or a file that would change it are refused rather than ignored (the
 * run would mix cells of two scenarios); the secrets run.json keeps redacted come back from the
 * scenario file, when it is the run's own, or else from the environment.
 */
final class ResumedScenario {
    private ResumedScenario() {
    }

    /**
     * @throws ScenarioException for overrides, a scenario file that is not the run's, or a secret
     *                           that neither a file nor the environment gives
     */
    static Scenario of(RunResults previous, RunRequest request, Consumer<String> warnings,
                       Map<String, String> environment) {
        Path dir = previous.dir().path();
        List<String> flags = flags(request.overrides());
        if (!flags.isEmpty()) {
            throw new ScenarioException(String.join(", ", flags) + " cannot be combined with --resume: the run in "
                    + dir + " continues with the scenario it started with, so its cells stay comparable."
                    + " Fix: drop " + String.join(", ", flags) + ", or start a new run without --resume");
        }
        Scenario stored = previous.runInfo().scenario();
        if (request.scenarioFile() == null) return Secrets.restore(stored, environment);
        Scenario given = ScenarioLoader.load(request.scenarioFile(), warnings);
        List<String> differ = differences(Secrets.redact(given), stored);
        if (!differ.isEmpty()) {
            throw new ScenarioException(request.scenarioFile() + " is not the scenario of the run in " + dir
                    + " (they differ in " + String.join(", ", differ) + "), and --resume would mix their cells."
                    + " Fix: resume without a scenario file (the run keeps its own), or run " + request.scenarioFile()
                    + " as a new run without --resume");
        }
        return given;
    }

    private static List<String> flags(ScenarioOverrides o) {
        List<String> flags = new ArrayList<>();
        if (o.clusterSize() != null) flags.add("--cluster-size");
        if (o.concurrency() != null) flags.add("--concurrency");
        if (o.duration() != null) flags.add("--duration");
        if (o.payloadBytes() != null) flags.add("--payload-bytes");
        if (o.agents() != null) flags.add("--agents");
        if (o.repeat() != null) flags.add("--repeat");
        return flags;
    }

    /** The top-level scenario keys whose values differ, e.g. [matrix, duration]. */
    private static List<String> differences(Scenario a, Scenario b) {
        List<String> out = new ArrayList<>();
        for (RecordComponent c : Scenario.class.getRecordComponents()) {
            try {
                if (!Objects.equals(c.getAccessor().invoke(a), c.getAccessor().invoke(b))) out.add(c.getName());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("a record accessor is public", e);
            }
        }
        return out;
    }
}
