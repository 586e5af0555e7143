package io.repram.orchestrate.run;

import io.repram.orchestrate.report.ResultsWriter;
import io.repram.orchestrate.results.CellResult;
import io.repram.orchestrate.results.LatencySummary;
import io.repram.orchestrate.results.SearchProbe;
import io.repram.orchestrate.results.SearchResult;
import io.repram.orchestrate.scenario.Cell;
import io.repram.orchestrate.scenario.Measurement;
import io.repram.orchestrate.scenario.Scenario;
import io.repram.orchestrate.scenario.SearchSpec;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the rate search of one cell: each probe is the cell's load at one open-loop rate for the
 * search's warm-up and step, measured as any cell is. After every probe the search so far goes to
 * search.json / search.csv and the listeners; the probe the search settled on becomes the cell's result.
 */
final class SearchSession {

    /** Runs the cell's load as the given scenario describes it; null when the run was quit. */
    @FunctionalInterface
    interface Measure {
        CellRun at(Scenario probe) throws InterruptedException;
    }

    private final Scenario scenario;
    private final ResultsWriter writer;
    private final RunListener listener;

    SearchSession(Scenario scenario, ResultsWriter writer, RunListener listener) {
        this.scenario = scenario;
        this.writer = writer;
        this.listener = listener;
    }

    /** The cell's result (the settled probe), or null when the run was quit during the search. */
    CellRun run(Cell cell, Measure measure) throws InterruptedException {
        SearchSpec spec = scenario.search();
        Map<Integer, CellRun> runs = new HashMap<>();
        RateSearch search = new RateSearch(spec, cell.clusterSize(), cell.concurrency(), cell.payloadBytes(),
                (rate, phase, number) -> {
                    listener.event(String.format(Locale.ROOT, "Probe %d (%s): offering %,d req/s for %ds", number,
                            phase.replace('_', ' '), rate, spec.step().toSeconds()));
                    CellRun run = measure.at(probeScenario(rate));
                    if (run == null) return null;
                    runs.put(number, run);
                    return measured(run.result());
                },
                progress -> {
                    writer.writeSearch(progress);
                    listener.searchProgress(progress);
                    if (progress.finished()) listener.event(progress.summary());
                    else if (!progress.probes().isEmpty()) listener.event(line(progress.probes()
                            .get(progress.probes().size() - 1)));
                },
                System::currentTimeMillis);
        if (!warmUp(cell, measure, spec)) return null;
        SearchResult result = search.run();
        if (!result.finished()) return null;
        return runs.get(settled(result.probes(), result.maxSustainableRps()));
    }

    /**
     * Before the first probe, a gentle ramp that is not recorded: fresh nodes run interpreted until
     * their JIT has compiled the hot paths, and on a busy machine that takes long enough for a cold
     * node to fail start_rate that it holds with ease once warm (seen: 500 req/s failing cold, 5,600
     * passing after the ramp). Returns false when the run was quit.
     */
    private boolean warmUp(Cell cell, Measure measure, SearchSpec spec) throws InterruptedException {
        for (int divisor : WARM_UP_DIVISORS) {
            int rate = Math.max(1, spec.startRate() / divisor);
            listener.event(String.format(Locale.ROOT, "Warming %s up at %,d req/s (not recorded)", cell.id(), rate));
            if (measure.at(probeScenario(rate)) == null) return false;
        }
        return true;
    }

    /** The warm-up ramp's rates, as fractions of start_rate. */
    static final int[] WARM_UP_DIVISORS = {8, 4, 2};

    /** The probe the search settled on: the last that passed at the found rate, else the last probe. */
    static int settled(List<SearchProbe> probes, Integer found) {
        for (int i = probes.size() - 1; i >= 0; i--) {
            SearchProbe p = probes.get(i);
            if (found != null && p.passed() && p.offeredRps() == found) return p.number();
        }
        return probes.get(probes.size() - 1).number();
    }

    /** The cell at one rate, for the search's step after its own warm-up, without faults. */
    private Scenario probeScenario(int rate) {
        Scenario s = scenario;
        java.time.Duration warmup = s.search().warmup();
        return new Scenario(s.name(), s.image(), s.matrix(), s.search().step(), warmup, s.cooldown(),
                s.workload().withRatePerSecond(rate), s.node(), s.thresholds(), List.of(), s.load(), Measurement.FIXED,
                s.search());
    }

    /** A probe's figures as the search judges them; {@code limitedBy} is the cell's limit verdict when it has one. */
    static RateSearch.Measured measured(CellResult r) {
        LatencySummary all = r.load().all();
        return new RateSearch.Measured(r.load().requestsPerSec(), all.p50Nanos() / 1000, all.p90Nanos() / 1000,
                all.p99Nanos() / 1000, all.p999Nanos() / 1000, r.load().successRate(), null);
    }

    private static String line(SearchProbe p) {
        return String.format(Locale.ROOT, "Probe %d %s %,d req/s: %s — %s", p.number(), p.phase().replace('_', ' '),
                p.offeredRps(), p.passed() ? "pass" : "fail on " + p.failedOn(), p.why());
    }
}
