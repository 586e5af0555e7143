package io.repram.orchestrate.cli;

import io.repram.orchestrate.results.SearchProbe;
import io.repram.orchestrate.results.SearchResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dashboard's probe ladder lines fit the box an 80-column terminal leaves them. */
class SearchLadderTest {

    @Test
    void everyLineFitsAndSaysPassOrWhatFailed() {
        List<SearchProbe> probes = List.of(
                new SearchProbe(1, SearchProbe.RAMP, 200_000, 199_999.9, 1_000, 4_100, 100, true, null, "", null),
                new SearchProbe(12, SearchProbe.STEP_DOWN, 150_000, 120_000, 1_000, 2_345_000, 99, false,
                        SearchProbe.ERRORS, "", null),
                new SearchProbe(13, SearchProbe.BISECT, 9_000, 8_000, 1_000, 123_400, 100, false,
                        SearchProbe.LATENCY, "", null),
                new SearchProbe(14, SearchProbe.CONFIRM, 9_000, 5_000, 1_000, 3_000, 100, false,
                        SearchProbe.GENERATOR, "", null));
        SearchResult r = new SearchResult(3, 64, 1024, Map.of(), 199_000, true, true, SearchResult.GENERATOR, "", true,
                0, 1, probes);
        List<String> lines = SearchLadder.lines(r);
        for (String line : lines) assertTrue(line.length() <= SearchLadder.WIDTH, line.length() + ": " + line);
        assertEquals(" 1 ramp   200,000→200,000/s p99 4.1ms ok", lines.get(0));
        assertTrue(lines.get(1).startsWith("12 down ") && lines.get(1).endsWith("p99 2.3s ERRS"), lines.get(1));
        assertTrue(lines.get(2).endsWith("p99 123ms SLOW"), lines.get(2));
        assertTrue(lines.get(3).endsWith("GEN"), lines.get(3));
        assertEquals("= ≥ 199,000 req/s within the SLO, confirmed", lines.get(4));
    }
}
