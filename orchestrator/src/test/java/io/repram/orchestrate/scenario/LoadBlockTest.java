package io.repram.orchestrate.scenario;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scenario's load: block and the --agents override. */
class LoadBlockTest {

    private static final String BASE = "matrix:\n  concurrency: [4, 8]\n";

    @Test
    void withoutALoadBlockTheLoadIsInProcess() {
        assertEquals(LoadSettings.IN_PROCESS, ScenarioLoaderTest.parse(BASE).load());
        assertEquals(0, ScenarioDefaults.scenario().load().agents());
    }

    @Test
    void agentsAreRead() {
        Scenario s = ScenarioLoaderTest.parse(BASE + "load:\n  agents: 3\n");
        assertEquals(new LoadSettings(3), s.load());
        assertTrue(s.load().distributed());
    }

    @Test
    void zeroAgentsIsOutOfRangeWithItsPosition() {
        String message = ScenarioLoaderTest.failure(BASE + "load:\n  agents: 0\n").getMessage();
        assertTrue(message.contains("test.yaml:4:11") && message.contains("load.agents 0 is out of range; allowed 1..64"),
                message);
    }

    @Test
    void anUnknownKeyIsRejectedWithASuggestion() {
        String message = ScenarioLoaderTest.failure(BASE + "load:\n  agentz: 2\n").getMessage();
        assertTrue(message.contains("test.yaml:4:3") && message.contains("unknown key 'agentz' in load")
                && message.contains("agents"), message);
    }

    @Test
    void moreAgentsThanWorkersIsRejected() {
        String message = ScenarioLoaderTest.failure(BASE + "load: {agents: 5}\n").getMessage();
        assertTrue(message.contains("load.agents 5 is more than the smallest matrix.concurrency 4"), message);
    }

    @Test
    void theAgentsFlagOverridesTheFile() {
        Scenario file = ScenarioLoaderTest.parse(BASE + "load:\n  agents: 3\n");
        assertEquals(0, new ScenarioOverrides(null, null, null, null, 0).applyTo(file).load().agents());
        assertEquals(2, new ScenarioOverrides(null, null, null, null, 2).applyTo(file).load().agents());
        assertEquals(3, new ScenarioOverrides(null, null, Duration.ofSeconds(5), null).applyTo(file).load().agents());
        ScenarioException tooMany = assertThrows(ScenarioException.class,
                () -> new ScenarioOverrides(null, null, null, null, 65).applyTo(file));
        assertTrue(tooMany.getMessage().contains("--agents 65 is out of range; allowed 0..64"), tooMany.getMessage());
        ScenarioException fewWorkers = assertThrows(ScenarioException.class,
                () -> new ScenarioOverrides(null, 2, null, null, 3).applyTo(file));
        assertTrue(fewWorkers.getMessage().contains("3 load agents need at least 3 workers per cell"), fewWorkers.getMessage());
    }
}
