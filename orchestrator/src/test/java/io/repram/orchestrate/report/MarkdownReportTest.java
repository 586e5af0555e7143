package io.repram.orchestrate.report;

import io.repram.orchestrate.results.ResultsException;
import io.repram.orchestrate.results.CellResult;
import io.repram.orchestrate.scenario.Measurement;
import io.repram.orchestrate.scenario.Scenario;
import io.repram.orchestrate.results.RunInfo;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarkdownReportTest {

    static String render(List<CellResult> results) {
        return MarkdownReport.render(MarkdownReport.defaultTemplate(), ResultFixtures.RUN_INFO, results);
    }

    @Test
    void reportMatchesTheExpectedFixture() throws IOException {
        String actual = render(ResultFixtures.results());
        // Written for diffing when the template or the analysis changes on purpose.
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "report-actual.md"), actual);
        try (InputStream in = MarkdownReportTest.class.getResourceAsStream("/report/expected-report.md")) {
            assertTrue(in != null, "fixture missing; compare target/report-actual.md");
            assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), actual);
        }
    }

    @Test
    void highlightsScalingAndRecommendationsComeFromTheData() {
        String md = render(ResultFixtures.results());
        assertTrue(md.contains("| Peak throughput | 3,700.0 req/s — 5 nodes × 50 workers × 1024 B |"), md);
        assertTrue(md.contains("| Best success rate | 100.000% — 3 nodes × 50 workers × 1024 B |"), md);
        assertTrue(md.contains("| Lowest latency | mean 2.20 ms, p99 5.00 ms — 1 node × 10 workers × 1024 B |"), md);
        assertTrue(md.contains("| 3 | 3,600.0 | 50 workers, 1024 B | 1.71× | 3.00× | 57% |"), md);
        assertTrue(md.contains("- Scaling stops paying beyond 3 nodes: 5 nodes changed peak throughput by +3% "
                + "(3,600.0 → 3,700.0 req/s)."), md);
        assertTrue(md.contains("- 3 nodes: throughput was still rising at 50 workers, the most tried (3,600.0 req/s)"), md);
        assertTrue(md.contains("- 1 node: 10 workers reach 95% of the peak (2,100.0 req/s at 50 workers, 1024-byte "
                + "values); more workers mostly add latency: p99 20.00 ms at 50 workers vs 5.00 ms at 10."), md);
        assertTrue(md.contains("- Errors: 5 nodes × 50 workers × 1024 B succeeded only 97.000% of requests; "
                + "most errors: status_503 (1,110)."), md);
        assertTrue(md.contains("- Degraded: 5 nodes × 50 workers × 1024 B — node 0 paused."), md);
        assertTrue(md.contains("| 5nodes_50conc_1024bytes | success_rate | 97 | >= 99 |"), md);
        assertFalse(md.contains("{{"), md);
    }

    @Test
    void growingThroughputSaysLargerClustersMayPay() {
        List<CellResult> growing = List.of(ResultFixtures.cell(0, 1, 10, 1000, 100, 1, 2),
                ResultFixtures.cell(1, 3, 10, 2500, 100, 1, 2));
        String md = render(growing);
        assertTrue(md.contains("Throughput kept growing up to 3 nodes (2.50× the smallest cluster, 83% of linear)"), md);
        assertTrue(md.contains("Every cell answered at least 99.9% of its requests successfully."), md);
        assertTrue(md.contains("2 of 6 cells finished"), md);
    }

    @Test
    void aWarmUpUntilStableAndAnAdaptiveLengthAreGivenAsBounds() {
        Scenario s = ResultFixtures.SCENARIO.withMeasurement(new Measurement(1, false, Duration.ofSeconds(10), 3.0, true));
        RunInfo info = new RunInfo(s, "docker", "27.3.1", 2, 8L << 30, "sha256:abc123",
                Instant.parse("2025-01-02T03:04:05Z"), "0.1.0-SNAPSHOT");
        String md = MarkdownReport.render(MarkdownReport.defaultTemplate(), info, ResultFixtures.results());
        assertTrue(md.contains("- Each cell: up to 2s warm-up (not counted), then 10s to 10s (until req/s and p99 are "
                + "within ±3%) measured"), md);
        assertTrue(render(ResultFixtures.results()).contains("- Each cell: 2s warm-up (not counted), then 10s measured"));
    }

    @Test
    void anEmptyRunStillRenders() {
        String md = render(List.of());
        assertTrue(md.contains("| Peak throughput | no cell finished |"), md);
        assertTrue(md.contains("No cell finished, so there is nothing to recommend yet."), md);
    }

    @Test
    void templateTyposAreErrors() {
        assertEquals("a 1 b", TemplateRenderer.render("a {{ x }} b", Map.of("x", "1")));
        assertEquals("$1 \\", TemplateRenderer.render("{{x}}", Map.of("x", "$1 \\")));
        ResultsException e = assertThrows(ResultsException.class,
                () -> TemplateRenderer.render("{{peak_thruput}}", Map.of("peak_throughput", "1")));
        assertTrue(e.getMessage().contains("[peak_thruput]"), e.getMessage());
    }
}
