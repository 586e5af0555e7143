package io.repram.orchestrate.metrics;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PromTextTest {

    @Test
    void readsWhatOurNodeServes() {
        // Captured from `java -jar node/target/repram-node.jar` after 3 PUTs, a GET and a GET of a missing key.
        List<PromText.Sample> samples = PromText.parse(scrape("node-metrics.txt"));
        PromText.Sample puts = samples.stream()
                .filter(s -> s.name().equals("repram_http_requests_total") && "PUT".equals(s.label("method")))
                .findFirst().orElseThrow();
        assertEquals("/v1/data/{key}", puts.label("route"));
        assertEquals("201", puts.label("status"));
        assertEquals(3.0, puts.value());
        assertTrue(samples.stream().anyMatch(s -> s.name().equals("repram_http_request_duration_seconds_bucket")
                && Double.isInfinite(PromText.parseValue(s.label("le")))));
        assertEquals(3.0, samples.stream().filter(s -> s.name().equals("repram_storage_items")).findFirst()
                .orElseThrow().value());
    }

    @Test
    void handlesEscapesTimestampsAndExponents() {
        List<PromText.Sample> samples = PromText.parse(scrape("metrics-with-failures.txt"));
        PromText.Sample info = samples.stream().filter(s -> s.name().equals("repram_build_info")).findFirst().orElseThrow();
        assertEquals("1.0 \"beta\" \\ build\nline2", info.label("version"));
        assertEquals(1.0, info.value());
        assertEquals(3500.0, samples.stream().filter(s -> s.name().equals("repram_storage_bytes")).findFirst()
                .orElseThrow().value());
        assertEquals(Double.POSITIVE_INFINITY, PromText.parse("x{le=\"a\"} +Inf").get(0).value());
        assertTrue(Double.isNaN(PromText.parse("x NaN").get(0).value()));
    }

    @Test
    void namesTheBadLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PromText.parse("# ok\ngood 1\nbad{route=\"/x\" 2\n"));
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PromText.parse("novalue"));
        assertThrows(IllegalArgumentException.class, () -> PromText.parse("<html>not metrics</html>"));
    }

    @Test
    void firstIsTheValueOfTheFirstSampleOfThatName() {
        List<PromText.Sample> samples = PromText.parse("a{x=\"1\"} 2\na 3\nb 4\n");
        assertEquals(2.0, PromText.first(samples, "a"));
        assertEquals(4.0, PromText.first(samples, "b"));
        assertTrue(Double.isNaN(PromText.first(samples, "c")));
    }

    /** The node scrapes the monitor's tests read as well. */
    private static String scrape(String name) {
        try (InputStream in = PromTextTest.class.getResourceAsStream("/monitor/" + name)) {
            if (in == null) throw new IllegalStateException("missing fixture /monitor/" + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
