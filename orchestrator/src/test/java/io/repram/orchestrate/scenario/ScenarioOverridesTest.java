package io.repram.orchestrate.scenario;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScenarioOverridesTest {

    private static final Scenario FULL = new Scenario("full", "img", new Matrix(List.of(1, 3, 5), List.of(10, 25),
            List.of(1024, 4096)), Duration.ofSeconds(60), Duration.ofSeconds(5), ScenarioDefaults.cooldown(),
            ScenarioDefaults.workload(), ScenarioDefaults.node(), Map.of("p99_ms", "<= 50"),
            List.of(new FaultSpec(Duration.ofSeconds(20), "kill", "0")));

    @Test
    void flagsReplaceWholeAxes() {
        Scenario s = new ScenarioOverrides(5, 75, Duration.ofSeconds(180), null).applyTo(FULL);
        assertEquals(new Matrix(List.of(5), List.of(75), List.of(1024, 4096)), s.matrix());
        assertEquals(Duration.ofSeconds(180), s.duration());
        assertEquals(FULL.thresholds(), s.thresholds());
        assertEquals(FULL.faults(), s.faults());
        assertEquals(FULL.name(), s.name());
    }

    @Test
    void imageReplacesTheScenariosImageKeyAndNothingElse() {
        Scenario s = new ScenarioOverrides(null, null, null, null, null, "my-repram:dev").applyTo(FULL);
        assertEquals("my-repram:dev", s.image());
        assertEquals(FULL.matrix(), s.matrix());
        assertEquals("img", new ScenarioOverrides(3, null, null, null, null, null).applyTo(FULL).image());
        assertTrue(!new ScenarioOverrides(null, null, null, null, null, "x").isEmpty());
        ScenarioException bad = assertThrows(ScenarioException.class,
                () -> new ScenarioOverrides(null, null, null, null, null, " ").applyTo(FULL));
        assertTrue(bad.getMessage().contains("--image ' ' is not an image name"), bad.getMessage());
    }

    @Test
    void noFlagsKeepTheScenario() {
        assertTrue(ScenarioOverrides.NONE.isEmpty());
        assertEquals(FULL, ScenarioOverrides.NONE.applyTo(FULL));
    }

    @Test
    void withoutAFileTheDefaultsAreUsed() {
        Scenario s = new ScenarioOverrides(null, null, null, 1024 * 64).applyToDefaults();
        assertEquals(new Matrix(List.of(3), List.of(25), List.of(65536)), s.matrix());
        assertEquals(ScenarioDefaults.DURATION, s.duration());
        assertEquals("adhoc", s.name());
        assertSame(ScenarioDefaults.IMAGE, s.image());
    }

    @Test
    void outOfRangeFlagsAreRejectedTogether() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> new ScenarioOverrides(0, 20000, Duration.ZERO, -1).applyToDefaults());
        assertEquals(List.of("--cluster-size 0 is out of range; allowed 1..50",
                "--concurrency 20000 is out of range; allowed 1..10000",
                "--payload-bytes -1 is out of range; allowed 0..10485760",
                "--duration 0s is out of range; allowed 1s..24h"), e.problems());
    }

    @Test
    void flagsThatBreakAFaultAreRejected() {
        Scenario withFault = new ScenarioOverrides(3, null, null, null).applyTo(new Scenario("f", "img",
                FULL.matrix(), FULL.duration(), FULL.warmup(), FULL.cooldown(), FULL.workload(), FULL.node(),
                Map.of(), List.of(new FaultSpec(Duration.ofSeconds(20), "kill", "2"))));
        ScenarioException small = assertThrows(ScenarioException.class,
                () -> new ScenarioOverrides(2, null, null, null).applyTo(withFault));
        assertTrue(small.getMessage().contains("needs at least 3 nodes, but the smallest cluster is 2"), small.getMessage());
        ScenarioException shortRun = assertThrows(ScenarioException.class,
                () -> new ScenarioOverrides(null, null, Duration.ofSeconds(10), null).applyTo(FULL));
        assertTrue(shortRun.getMessage().contains("would never fire in a 10s window"), shortRun.getMessage());
    }
}
