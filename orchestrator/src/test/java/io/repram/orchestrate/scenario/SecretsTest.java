package io.repram.orchestrate.scenario;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretsTest {
    private static Scenario withEnv(Map<String, String> env) {
        Scenario d = new ScenarioOverrides(null, null, Duration.ofSeconds(1), null, null).applyToDefaults();
        return new Scenario(d.name(), d.image(), d.matrix(), d.duration(), d.warmup(), d.cooldown(), d.workload(),
                new NodeSettings(env, null, null), Map.of(), List.of(), d.load());
    }

    @Test
    void namesWithSecretTokenPasswordOrKeyAreSecret() {
        for (String n : List.of("REPRAM_CLUSTER_SECRET", "api_token", "DB_PASSWORD", "REPRAM_KEY_FILE", "sshKey")) {
            assertTrue(Secrets.isSecretName(n), n);
        }
        for (String n : List.of("REPRAM_REPLICATION", "REPRAM_MAX_TTL", "JAVA_TOOL_OPTIONS")) {
            assertFalse(Secrets.isSecretName(n), n);
        }
    }

    @Test
    void redactionKeepsTheNameAndHidesTheValue() {
        Scenario s = withEnv(Map.of("REPRAM_CLUSTER_SECRET", "hunter2-very-secret", "REPRAM_REPLICATION", "2"));
        Scenario r = Secrets.redact(s);
        assertEquals(Map.of("REPRAM_CLUSTER_SECRET", Secrets.REDACTED, "REPRAM_REPLICATION", "2"), r.node().env());
        assertEquals(s.matrix(), r.matrix());
        Scenario plain = withEnv(Map.of("REPRAM_REPLICATION", "2"));
        assertSame(plain, Secrets.redact(plain));
    }

    @Test
    void resumeTakesRedactedValuesFromTheEnvironmentOrSaysWhichIsMissing() {
        Scenario stored = Secrets.redact(withEnv(Map.of("REPRAM_CLUSTER_SECRET", "s3cret", "A", "1")));
        Scenario restored = Secrets.restore(stored, Map.of("REPRAM_CLUSTER_SECRET", "s3cret"));
        assertEquals(Map.of("REPRAM_CLUSTER_SECRET", "s3cret", "A", "1"), restored.node().env());
        ScenarioException e = assertThrows(ScenarioException.class, () -> Secrets.restore(stored, Map.of()));
        assertTrue(e.getMessage().contains("REPRAM_CLUSTER_SECRET") && e.getMessage().contains("export"), e.getMessage());
    }
}
