package io.repram.orchestrate.run;

import io.repram.orchestrate.results.SearchProbe;
import io.repram.orchestrate.results.SearchResult;
import io.repram.orchestrate.scenario.SearchSpec;
import io.repram.orchestrate.scenario.Threshold;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ladder against fake clusters whose limits are known exactly. */
class RateSearchTest {

    private static final SearchSpec SPEC = new SearchSpec(
            List.of(Threshold.parse("p99_ms", "<= 20"), Threshold.parse("success_rate", ">= 99.9")),
            100, 200_000, Duration.ofSeconds(10), Duration.ofSeconds(3), 5);

    /** A cluster whose p99 is 4 ms up to {@code knee} req/s and 80 ms above it; the generator offers up to {@code cap}. */
    private static RateSearch.Probe cluster(int knee, int cap) {
        return (rate, phase, number) -> {
            double achieved = Math.min(rate, cap);
            long p99 = rate <= knee ? 4_000 : 80_000;
            return new RateSearch.Measured(achieved, 1_000, 2_000, p99, p99 * 2, 100, null);
        };
    }

    private static SearchResult search(SearchSpec spec, RateSearch.Probe probe, List<SearchResult> progress)
            throws InterruptedException {
        return new RateSearch(spec, 3, 64, 1024, probe, progress::add, System::currentTimeMillis).run();
    }

    @Test
    void aKneeAtExactlyXIsFoundWithinTheResolution() throws InterruptedException {
        for (int knee : new int[] {12_345, 777, 150_001}) {
            List<SearchResult> progress = new ArrayList<>();
            SearchResult r = search(SPEC, cluster(knee, Integer.MAX_VALUE), progress);
            assertNotNull(r.maxSustainableRps(), r.summary());
            assertTrue(r.maxSustainableRps() <= knee && r.maxSustainableRps() >= knee * 0.95,
                    knee + " -> " + r.maxSustainableRps());
            assertTrue(r.confirmed() && r.finished() && !r.lowerBound());
            assertEquals(SearchResult.LATENCY, r.stoppedBy());
            assertTrue(r.summary().contains("failed on latency: p99 80 ms breaks <= 20 ms"), r.summary());
            SearchProbe last = r.probes().get(r.probes().size() - 1);
            assertEquals(SearchProbe.CONFIRM, last.phase());
            assertEquals(r.maxSustainableRps().intValue(), last.offeredRps());
            // Every probe is reported as it finishes, and the last report is the finished result.
            assertEquals(r.probes().size() + 1, progress.size());
            assertEquals(r, progress.get(progress.size() - 1));
        }
    }

    @Test
    void theRampDoublesFromTheStartRate() throws InterruptedException {
        SearchResult r = search(SPEC, cluster(1_000, Integer.MAX_VALUE), new ArrayList<>());
        List<Integer> ramp = r.probes().stream().filter(p -> p.phase().equals(SearchProbe.RAMP))
                .map(SearchProbe::offeredRps).toList();
        assertEquals(List.of(100, 200, 400, 800, 1600), ramp);
    }

    @Test
    void aGeneratorThatCannotOfferTheRateMakesTheFigureALowerBound() throws InterruptedException {
        SearchResult r = search(SPEC, cluster(Integer.MAX_VALUE, 9_000), new ArrayList<>());
        assertTrue(r.lowerBound(), r.summary());
        assertEquals(SearchResult.GENERATOR, r.stoppedBy());
        // Passing needs 95% of the offered rate: the found rate lies between 9000 and 9000 / 0.95.
        assertTrue(r.maxSustainableRps() >= 9_000 * 0.95 && r.maxSustainableRps() <= 9_000 / 0.95,
                String.valueOf(r.maxSustainableRps()));
        assertTrue(r.summary().contains("lower bound") && r.summary().contains("generator got out only"), r.summary());
    }

    @Test
    void aFailingStartRateSaysSoInWordsAndNamesNoRate() throws InterruptedException {
        SearchResult r = search(SPEC, cluster(50, Integer.MAX_VALUE), new ArrayList<>());
        assertNull(r.maxSustainableRps());
        assertEquals(SearchResult.NOTHING_PASSED, r.stoppedBy());
        assertEquals(1, r.probes().size());
        assertTrue(r.summary().contains("start_rate 100 req/s, already failed on latency")
                && r.summary().contains("Lower search.start_rate"), r.summary());
        assertFalse(r.summary().contains("NaN") || r.summary().contains("null"), r.summary());
    }

    @Test
    void errorsFailAProbeOnErrors() throws InterruptedException {
        RateSearch.Probe flaky = (rate, phase, n) -> new RateSearch.Measured(rate, 1_000, 2_000, 3_000, 4_000,
                rate > 3_000 ? 99.0 : 100, null);
        SearchResult r = search(SPEC, flaky, new ArrayList<>());
        assertEquals(SearchResult.ERRORS, r.stoppedBy());
        assertTrue(r.maxSustainableRps() <= 3_000 && r.maxSustainableRps() >= 2_850, r.summary());
        assertTrue(r.summary().contains("failed on errors: success 99% breaks >= 99.9%"), r.summary());
    }

    @Test
    void passingMaxRateStopsThereAsALowerBound() throws InterruptedException {
        SearchSpec spec = new SearchSpec(SPEC.slo(), 100, 1_000, SPEC.step(), SPEC.warmup(), 5);
        SearchResult r = search(spec, cluster(Integer.MAX_VALUE, Integer.MAX_VALUE), new ArrayList<>());
        assertEquals(1_000, r.maxSustainableRps());
        assertEquals(SearchResult.MAX_RATE, r.stoppedBy());
        assertTrue(r.lowerBound() && r.summary().contains("raise max_rate"), r.summary());
        assertEquals(List.of(100, 200, 400, 800, 1000, 1000), r.probes().stream().map(SearchProbe::offeredRps).toList());
    }

    @Test
    void aFailedConfirmationStepsDownAndSaysSo() throws InterruptedException {
        AtomicInteger confirms = new AtomicInteger();
        RateSearch.Probe probe = (rate, phase, n) -> {
            boolean slow = rate > 5_000 || (phase.equals(SearchProbe.CONFIRM) && confirms.incrementAndGet() == 1);
            return new RateSearch.Measured(rate, 1_000, 2_000, slow ? 50_000 : 5_000, 60_000, 100, null);
        };
        SearchResult r = search(SPEC, probe, new ArrayList<>());
        SearchProbe confirm = r.probes().stream().filter(p -> p.phase().equals(SearchProbe.CONFIRM)).findFirst().orElseThrow();
        SearchProbe down = r.probes().get(r.probes().size() - 1);
        assertFalse(confirm.passed());
        assertEquals(SearchProbe.STEP_DOWN, down.phase());
        assertEquals((int) Math.floor(confirm.offeredRps() * 0.95), down.offeredRps());
        assertEquals(down.offeredRps(), r.maxSustainableRps());
        assertFalse(r.confirmed());
        assertTrue(r.summary().contains("not confirmed: the repeat probe at") && r.summary().contains("stepped down"),
                r.summary());
    }

    @Test
    void aStoppedRunLeavesAnUnfinishedSearchWithoutAFigure() throws InterruptedException {
        RateSearch.Probe probe = (rate, phase, n) -> n == 3 ? null
                : new RateSearch.Measured(rate, 1_000, 2_000, 3_000, 4_000, 100, null);
        SearchResult r = search(SPEC, probe, new ArrayList<>());
        assertFalse(r.finished());
        assertNull(r.maxSustainableRps());
        assertEquals(2, r.probes().size());
    }

    @Test
    void aGeneratorLimitVerdictTurnsALatencyFailureIntoALowerBound() {
        SearchProbe p = RateSearch.judge(SPEC, 1, SearchProbe.RAMP, 1_000,
                new RateSearch.Measured(1_000, 1_000, 2_000, 50_000, 60_000, 100, "load_generator"));
        assertEquals(SearchProbe.GENERATOR, p.failedOn());
        assertTrue(p.why().contains("limited by load generator"), p.why());
    }
}
