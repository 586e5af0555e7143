package io.repram.orchestrate.engine;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class NodeEnvTest {
    @Test
    void theUnlimitedRateIsPositiveAndFitsThe32BitIntegerNodesParse() {
        int rate = Integer.parseInt(NodeEnv.UNLIMITED_RATE);
        assertTrue(rate >= 1_000_000_000, "no load test reaches " + rate + " requests/s from one client");
    }
}
