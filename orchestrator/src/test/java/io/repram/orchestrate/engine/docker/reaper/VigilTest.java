package io.repram.orchestrate.engine.docker.reaper;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VigilTest {
    private static final long S = 1_000_000_000L;

    @Test
    void expiresOnlyAfterTheGraceWithNoConnection() {
        Vigil v = new Vigil(10_000, 60_000, 0);
        v.connected();
        assertFalse(v.expired(100 * S), "an open connection never expires");
        v.disconnected(100 * S);
        assertFalse(v.expired(109 * S));
        assertTrue(v.expired(110 * S));
    }

    @Test
    void aReconnectWithinTheGraceKeepsTheSessionAlive() {
        Vigil v = new Vigil(10_000, 60_000, 0);
        v.connected();
        v.disconnected(5 * S);
        v.connected();
        assertFalse(v.expired(30 * S));
        v.disconnected(30 * S);
        assertFalse(v.expired(39 * S), "the grace restarts at the last disconnect");
        assertTrue(v.expired(40 * S));
    }

    @Test
    void countsConcurrentConnections() {
        Vigil v = new Vigil(10_000, 60_000, 0);
        v.connected();
        v.connected();
        v.disconnected(1 * S);
        assertFalse(v.expired(100 * S), "one connection is still open");
    }

    @Test
    void anOrchestratorThatNeverConnectsGetsTheFirstContactTimeout() {
        Vigil v = new Vigil(10_000, 60_000, 0);
        assertFalse(v.expired(59 * S));
        assertTrue(v.expired(60 * S));
    }
}
