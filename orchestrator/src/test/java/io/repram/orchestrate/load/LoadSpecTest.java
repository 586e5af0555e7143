package io.repram.orchestrate.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.repram.orchestrate.scenario.Workload;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadSpecTest {

    private static LoadSpec spec(String url, int concurrency, int payload, int putPercent, Integer rate, Duration duration) {
        return LoadSpec.of(List.of(URI.create(url)), new Workload(putPercent, 300, 100, rate, Workload.Targets.ALL),
                concurrency, payload, Duration.ZERO, duration, Duration.ofSeconds(1), 1);
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
        assertMessage("at least one", () -> LoadSpec.of(List.of(), new Workload(1, 1, 1, null, Workload.Targets.ALL), 1, 1,
                d, d, d, 1));
    }

    @Test
    void theWorkloadPicksTheTargetsAndTheWholeKeySpaceIsTheDefaultRange() {
        List<URI> nodes = List.of(URI.create("http://n0:1"), URI.create("http://n1:1"));
        Duration d = Duration.ofSeconds(1);
        LoadSpec all = LoadSpec.of(nodes, new Workload(70, 300, 100, null, Workload.Targets.ALL), 2, 8, d, d, d, 1);
        assertEquals(nodes, all.targets());
        assertEquals(new KeyRange(0, 100), all.keyRange());
        Workload first = new Workload(70, 300, 100, null, Workload.Targets.FIRST);
        assertEquals(nodes.subList(0, 1), LoadSpec.of(nodes, first, 2, 8, d, d, d, 1).targets());
        assertMessage("FIRST", () -> new LoadSpec(nodes, first, 2, 8, d, d, d, 1, KeyRange.whole(100)));
        assertMessage("0..99", () -> new LoadSpec(nodes, all.workload(), 2, 8, d, d, d, 1, new KeyRange(50, 51)));
    }

    @Test
    void keyRangesSliceIntoDisjointPartsTheFirstOnesOneKeyLonger() {
        KeyRange range = new KeyRange(100, 11);
        assertEquals(List.of(new KeyRange(100, 4), new KeyRange(104, 4), new KeyRange(108, 3)),
                List.of(range.slice(0, 3), range.slice(1, 3), range.slice(2, 3)));
        assertMessage("smaller than the 12 load agents", () -> range.slice(0, 12));
        assertMessage("does not exist", () -> range.slice(3, 3));
    }

    private static void assertMessage(String fragment, org.junit.jupiter.api.function.Executable executable) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, executable);
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }
}
