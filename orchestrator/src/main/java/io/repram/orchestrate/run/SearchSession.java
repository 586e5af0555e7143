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

import java.time.Duration;
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
        if (!warmUp(cell, measure)) return null;
        SearchResult result = search.run();
        if (!result.finished()) return null;
        return runs.get(settled(result.probes(), result.maxSustainableRps()));
    }

    /**
     * Before the first probe, an unrecorded closed-loop warm-up at the cell's connection budget, until
     * the figures stop trending ({@link WarmupWatch}) or {@link #warmUpMax} passes. Fresh nodes run
     * interpreted until their JIT has compiled the hot paths, and a low-rate ramp does not get them
     * there: on a 2-core machine a fresh 3-node cluster at 100 req/s had p99 741 ms after a 12/25/50
     * req/s ramp, and 7 ms once warm. A closed loop compiles the hot paths within seconds. Returns
     * false when the run was quit.
     */
    private boolean warmUp(Cell cell, Measure measure) throws InterruptedException {
        Duration max = warmUpMax(scenario);
        listener.event(String.format(Locale.ROOT, "Warming %s up: closed loop, %d workers, until its figures are "
                + "steady (at most %ds; not recorded)", cell.id(), cell.concurrency(), max.toSeconds()));
        Scenario warm = scenario.asStep(WARM_UP_TAIL, max, scenario.workload().withRatePerSecond(null),
                new Measurement(1, false, null, null, true));
        return measure.at(warm) != null;
    }

    /** The longest warm-up before a search's first probe: the scenario's {@code warmup: {until: stable, max}}, else 60 s. */
    static Duration warmUpMax(Scenario s) {
        return s.measurement().warmupUntilStable() ? s.warmup() : DEFAULT_WARM_UP_MAX;
    }

    static final Duration DEFAULT_WARM_UP_MAX = Duration.ofSeconds(60);
    /** The warm-up's measured tail, which nobody reads: a cell measures at least a second. */
    private static final Duration WARM_UP_TAIL = Duration.ofSeconds(1);

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
        SearchSpec search = scenario.search();
        return scenario.asStep(search.step(), search.warmup(), scenario.workload().withRatePerSecond(rate),
                Measurement.FIXED);
    }

    /** A probe's figures as the search judges them; {@code limitedBy} is the cell's limit verdict when it has one. */
    static RateSearch.Measured measured(CellResult r) {
        LatencySummary all = r.load().all();
        return new RateSearch.Measured(r.load().requestsPerSec(), all.p50Nanos() / 1000, all.p90Nanos() / 1000,
                all.p99Nanos() / 1000, all.p999Nanos() / 1000, r.load().successRate(),
                r.limit() == null ? null : r.limit().verdict());
    }

    private static String line(SearchProbe p) {
        return String.format(Locale.ROOT, "Probe %d %s %,d req/s: %s — %s", p.number(), p.phase().replace('_', ' '),
                p.offeredRps(), p.passed() ? "pass" : "fail on " + p.failedOn(), p.why());
    }
}
