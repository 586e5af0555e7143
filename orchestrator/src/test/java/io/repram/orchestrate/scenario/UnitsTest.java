package io.repram.orchestrate.scenario;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UnitsTest {

    @Test
    void parsesDurations() {
        assertEquals(Duration.ofSeconds(60), Units.parseDuration("60s"));
        assertEquals(Duration.ofMinutes(2), Units.parseDuration("2m"));
        assertEquals(Duration.ofMillis(500), Units.parseDuration("500ms"));
        assertEquals(Duration.ofHours(1), Units.parseDuration("1h"));
        assertEquals(Duration.ofSeconds(90), Units.parseDuration("1m30s"));
        assertEquals(Duration.ofSeconds(45), Units.parseDuration("45"));
        assertEquals(Duration.ofMillis(1500), Units.parseDuration("1.5"));
        assertEquals(Duration.ofMillis(2500), Units.parseDuration(" 2.5S "));
    }

    @Test
    void rejectsMalformedDurationsNamingTheForms() {
        for (String bad : new String[] {"", "s", "60 s", "-5s", "5d", "1m30", "soon"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Units.parseDuration(bad), bad);
            assertTrue(e.getMessage().contains("500ms, 60s, 2m, 1h"), e.getMessage());
        }
    }

    @Test
    void parsesMemory() {
        assertEquals(512L << 20, Units.parseMemoryBytes("512m"));
        assertEquals(1L << 30, Units.parseMemoryBytes("1g"));
        assertEquals(1L << 30, Units.parseMemoryBytes("1GiB"));
        assertEquals(256L << 10, Units.parseMemoryBytes("256k"));
        assertEquals(123456789L, Units.parseMemoryBytes("123456789"));
        assertThrows(IllegalArgumentException.class, () -> Units.parseMemoryBytes("lots"));
        assertThrows(IllegalArgumentException.class, () -> Units.parseMemoryBytes("5t"));
    }

    @Test
    void formatsDurationsShortly() {
        assertEquals("0s", Units.formatDuration(Duration.ZERO));
        assertEquals("500ms", Units.formatDuration(Duration.ofMillis(500)));
        assertEquals("1m30s", Units.formatDuration(Duration.ofSeconds(90)));
        assertEquals("1h", Units.formatDuration(Duration.ofHours(1)));
    }
}
