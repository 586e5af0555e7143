package io.repram.orchestrate.monitor;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HealthScoreTest {

    @Test
    void fullWhenEveryExpectedNodeAnswersAndServes() {
        assertEquals(1.0, HealthScore.of(3, 3, 1000, 0));
        assertEquals(1.0, HealthScore.of(3, 3, 0, 0), "no traffic is not unhealthy");
        assertEquals(1.0, HealthScore.of(3, 3, -1, -1), "unknown counters are not failures");
        assertEquals(1.0, HealthScore.of(5, 3, 10, 0), "more nodes than expected count as all expected");
    }

    @Test
    void dropsWithDownNodesAndFailedRequests() {
        assertEquals(2.0 / 3, HealthScore.of(2, 3, 0, 0), 1e-12);
        assertEquals(0.0, HealthScore.of(0, 3, 0, 0));
        assertEquals(0.9, HealthScore.of(3, 3, 100, 10), 1e-12);
        assertEquals(2.0 / 3 * 0.5, HealthScore.of(2, 3, 100, 50), 1e-12);
        assertEquals(0.0, HealthScore.of(1, 0, 0, 0), "no expected nodes cannot be healthy");
    }
}
