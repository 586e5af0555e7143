package io.repram.orchestrate.load;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadSpecTest {

    private static LoadSpec spec(String url, int concurrency, int payload, int putPercent, Integer rate, Duration duration) {
        return new LoadSpec(List.of(URI.create(url)), concurrency, payload, putPercent, 300, 100, rate,
                Duration.ZERO, duration, Duration.ofSeconds(1), 1);
    }

    @Test
    void acceptsAValidSpec() {
        assertTrue(spec("http://127.0.0.1:8080", 10, 1024, 70, 100, Duration.ofSeconds(5)).openLoop());
    }

    @Test
    void rejectsBadValuesWithTheirNames() {
        Duration d = Duration.ofSeconds(1);
        assertMessage("http://", () -> spec("https://127.0.0.1:8080", 1, 1, 70, null, d));
        assertMessage("concurrency", () -> spec("http://127.0.0.1:8080", 0, 1, 70, null, d));
        assertMessage("payload", () -> spec("http://127.0.0.1:8080", 1, -1, 70, null, d));
        assertMessage("put percent", () -> spec("http://127.0.0.1:8080", 1, 1, 101, null, d));
        assertMessage("rate", () -> spec("http://127.0.0.1:8080", 1, 1, 70, 0, d));
        assertMessage("duration", () -> spec("http://127.0.0.1:8080", 1, 1, 70, null, Duration.ZERO));
        assertMessage("query", () -> spec("http://127.0.0.1:8080/?a=b", 1, 1, 70, null, d));
        assertMessage("at least one", () -> new LoadSpec(List.of(), 1, 1, 1, 1, 1, null, d, d, d, 1));
    }

    private static void assertMessage(String fragment, org.junit.jupiter.api.function.Executable executable) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, executable);
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }
}
