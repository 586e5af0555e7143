package io.repram.dashboard.render;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UnitsTest {

    @Test
    void formatsWithUnits() {
        assertEquals("12.3%", Units.percent(12.34));
        assertEquals("512 B", Units.bytes(512));
        assertEquals("256.0 MiB", Units.bytes(256L * 1024 * 1024));
        assertEquals("1.0 MiB", Units.bytes(1024 * 1024 - 1), "no 1024.0 KiB");
        assertEquals("1.2 MiB/s", Units.byteRate(1_258_291));
        assertEquals("4,812 req/s", Units.requestRate(4_812.4));
        assertEquals("47.5 req/s", Units.requestRate(47.45));
        assertEquals("3.4 ms", Units.millis(3.4));
        assertEquals("0.42 ms", Units.millis(0.42));
        assertEquals("1.25 s", Units.millis(1_250));
        assertEquals("1,234,567", Units.count(1_234_567));
    }

    @Test
    void unknownFiguresShowAsDash() {
        assertEquals("-", Units.percent(Double.NaN));
        assertEquals("-", Units.bytes(-1));
        assertEquals("-", Units.byteRate(-1));
        assertEquals("-", Units.count(-1));
        assertEquals("--:--", Units.clock(null));
    }

    @Test
    void clockAndCompactLabels() {
        assertEquals("03:12", Units.clock(Duration.ofSeconds(192)));
        assertEquals("1:02:03", Units.clock(Duration.ofSeconds(3723)));
        assertEquals("950", Units.compact(950));
        assertEquals("4.8k", Units.compact(4_812));
        assertEquals("12k", Units.compact(12_000));
        assertEquals("1.5M", Units.compact(1_500_000));
    }

    @Test
    void fitMarksTheCut() {
        assertEquals("abc", Units.fit("abc", 5));
        assertEquals("abc…", Units.fit("abcdef", 4));
        assertEquals("…e-14", NodeTable.fitTail("repram-node-14", 5));
    }
}
