package io.repram.orchestrate.engine.docker;

import io.repram.orchestrate.engine.NodeEnv;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CdsTrainerTest {
    @Test
    void theTrainingNodeGetsTheUnlimitedRateNotZero() {
        assertTrue(CdsTrainer.TRAINING_ENV.contains("REPRAM_RATE_LIMIT=" + NodeEnv.UNLIMITED_RATE), CdsTrainer.TRAINING_ENV.toString());
        assertFalse(CdsTrainer.TRAINING_ENV.contains("REPRAM_RATE_LIMIT=0"), CdsTrainer.TRAINING_ENV.toString());
    }
}
