package io.repram.orchestrate.scenario;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** repeat, repeat_fresh_cluster and the map forms of duration and warmup, and their bad values. */
class MeasurementKeysTest {

    private static Scenario parse(String yaml) {
        return ScenarioLoaderTest.parse(yaml);
    }

    private static String problems(String yaml) {
        return assertThrows(ScenarioException.class, () -> parse(yaml)).getMessage();
    }

    @Test
    void plainFormsKeepWorkingAsOneFixedTrial() {
        Scenario s = parse("duration: 60s\nwarmup: 5s\n");
        assertEquals(Duration.ofSeconds(60), s.duration());
        assertEquals(Duration.ofSeconds(5), s.warmup());
        assertEquals(Measurement.FIXED, s.measurement());
    }

    @Test
    void mapFormsAndRepeatAreRead() {
        Scenario s = parse("duration: {min: 10s, max: 60s, precision: 3%}\nwarmup: {until: stable, max: 90s}\n"
                + "repeat: 3\nrepeat_fresh_cluster: true\n");
        assertEquals(Duration.ofSeconds(60), s.duration(), "the longest window");
        assertEquals(Duration.ofSeconds(90), s.warmup(), "the longest warm-up");
        assertEquals(new Measurement(3, true, Duration.ofSeconds(10), 3.0, true), s.measurement());
    }

    @Test
    void badValuesAreNamedWithTheFix() {
        assertTrue(problems("duration: {min: 30s, max: 10s, precision: 3%}\n").contains("longer than duration.max"));
        assertTrue(problems("duration: {min: 10s, max: 60s}\n").contains("precision is missing"));
        assertTrue(problems("duration: {min: 10s, max: 60s, precision: 3}\n").contains("percentage such as 3%"));
        assertTrue(problems("duration: {min: 10s, max: 60s, precision: 3%, step: 1s}\n").contains("unknown key 'step'"));
        assertTrue(problems("warmup: {until: warm, max: 90s}\n").contains("use stable"));
        assertTrue(problems("warmup: {until: stable}\n").contains("needs until and max"));
        assertTrue(problems("repeat: 0\n").contains("repeat"));
        assertTrue(problems("repeat_fresh_cluster: yes please\n").contains("true or false"));
    }

    @Test
    void repeatFlagAndDurationFlagOverride() {
        Scenario s = parse("duration: {min: 10s, max: 60s, precision: 3%}\n");
        Scenario repeated = new ScenarioOverrides(null, null, null, null, null, null, 5).applyTo(s);
        assertEquals(5, repeated.measurement().repeat());
        assertTrue(repeated.measurement().adaptive());
        Scenario fixed = new ScenarioOverrides(null, null, Duration.ofSeconds(20), null, null, null, null).applyTo(s);
        assertTrue(!fixed.measurement().adaptive(), "--duration asks for a fixed window");
        assertTrue(assertThrows(ScenarioException.class,
                () -> new ScenarioOverrides(null, null, null, null, null, null, 0).applyTo(s)).getMessage().contains("--repeat"));
    }
}
