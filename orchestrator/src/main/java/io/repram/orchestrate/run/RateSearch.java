package io.repram.orchestrate.run;

import io.repram.orchestrate.results.CellLimit;
import io.repram.orchestrate.results.SearchProbe;
import io.repram.orchestrate.results.SearchResult;
import io.repram.orchestrate.scenario.SearchSpec;
import io.repram.orchestrate.scenario.Threshold;
import io.repram.orchestrate.scenario.ThresholdMetric;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The search for the highest open-loop rate one cluster sustains within an SLO: doubles the rate
 * from {@code start_rate} until a probe fails (or {@code max_rate} passes), bisects between the last
 * passing and the first failing rate down to the resolution, then probes the found rate again. A
 * failed confirmation steps down by the resolution, up to {@value #MAX_STEP_DOWNS} times. How a probe
 * is run is the caller's business, so the ladder can be tested against a fake cluster.
 */
public final class RateSearch {

    static final double ACHIEVED_SHARE = SearchSpec.ACHIEVED_SHARE;
    static final int MAX_STEP_DOWNS = 3;

    /** What one probe measured over its step. */
    public record Measured(double achievedRps, long p50Micros, long p90Micros, long p99Micros, long p999Micros,
                           double successPercent, String limitedBy) {
    }

    /** Runs one probe; returns null when the run was stopped during it. */
    @FunctionalInterface
    public interface Probe {
        Measured at(int offeredRps, String phase, int number) throws InterruptedException;
    }

    private final SearchSpec spec;
    private final int clusterSize;
    private final int concurrency;
    private final int payloadBytes;
    private final Probe probe;
    private final Consumer<SearchResult> progress;
    private final LongSupplier clock;
    private final List<SearchProbe> probes = new ArrayList<>();
    private long started;
    private boolean confirmed;

    /** @param progress receives the search so far after every probe (unfinished) and at its end (finished) */
    public RateSearch(SearchSpec spec, int clusterSize, int concurrency, int payloadBytes, Probe probe,
                      Consumer<SearchResult> progress, LongSupplier clock) {
        this.spec = spec;
        this.clusterSize = clusterSize;
        this.concurrency = concurrency;
        this.payloadBytes = payloadBytes;
        this.probe = probe;
        this.progress = progress;
        this.clock = clock;
    }

    /** The finished search, or the unfinished one (no figure) when the run was stopped during a probe. */
    public SearchResult run() throws InterruptedException {
        started = clock.getAsLong();
        int rate = spec.startRate();
        Integer good = null;
        SearchProbe bad = null;
        while (true) {
            SearchProbe p = probe(rate, SearchProbe.RAMP);
            if (p == null) return partial();
            if (!p.passed()) {
                bad = p;
                break;
            }
            good = rate;
            if (rate >= spec.maxRate()) break;
            rate = (int) Math.min(spec.maxRate(), 2L * rate);
        }
        if (good == null) {
            return done(null, false, SearchResult.NOTHING_PASSED, nothingPassed(bad));
        }
        if (bad != null) {
            while (bad.offeredRps() - good > Math.max(1, good * spec.resolutionPercent() / 100)) {
                SearchProbe p = probe(good + (bad.offeredRps() - good) / 2, SearchProbe.BISECT);
                if (p == null) return partial();
                if (p.passed()) good = p.offeredRps();
                else bad = p;
            }
        }
        return confirm(good, bad);
    }

    private SearchResult confirm(int found, SearchProbe bad) throws InterruptedException {
        SearchProbe c = probe(found, SearchProbe.CONFIRM);
        if (c == null) return partial();
        if (c.passed()) return found(found, bad, true, "confirmed by a repeat probe");
        SearchProbe failed = c;
        int rate = found;
        for (int i = 0; i < MAX_STEP_DOWNS; i++) {
            rate = (int) Math.floor(rate * (1 - spec.resolutionPercent() / 100));
            if (rate < 1) break;
            SearchProbe p = probe(rate, SearchProbe.STEP_DOWN);
            if (p == null) return partial();
            if (p.passed()) {
                return found(rate, failed, false, text("not confirmed: the repeat probe at %,d req/s failed on %s, so the "
                        + "search stepped down to %,d req/s, which passed", found, c.why(), rate));
            }
            failed = p;
        }
        return done(null, false, failed.failedOn(), text("%s: the search found %,d req/s, but its confirmation failed "
                + "(%s) and so did %d step(s) down to %,d req/s (%s). The cluster's behaviour at this load is not "
                + "stable enough to name a rate; lengthen search.step or quiet the machine, then search again.",
                where(), found, c.why(), MAX_STEP_DOWNS, rate, failed.why()));
    }

    private SearchResult found(int rate, SearchProbe next, boolean confirmed, String confirmation) {
        this.confirmed = confirmed;
        String head = text("%s: %,d req/s sustained within %s (%s).", where(), rate, spec.sloText(), confirmation);
        if (next == null) {
            return done(rate, true, SearchResult.MAX_RATE, head + text(" That is search.max_rate, so it is a lower "
                    + "bound: the cluster may sustain more; raise max_rate to search further."));
        }
        String failed = next.failedOn();
        if (SearchProbe.GENERATOR.equals(failed)) {
            return done(rate, true, failed, head + text(" It is a lower bound: at %,d req/s the generator got out only "
                    + "%,.0f req/s (%.0f%% of offered) while the SLO held, so the cluster's own limit was not reached. "
                    + "Give the load more room (more load agents, a larger matrix.concurrency budget) to search higher.",
                    next.offeredRps(), next.achievedRps(), next.achievedPercent()));
        }
        return done(rate, false, failed, head + text(" The next step, %,d req/s, failed on %s: %s.", next.offeredRps(),
                failed.equals(SearchProbe.ERRORS) ? "errors" : "latency", next.why()));
    }

    private String nothingPassed(SearchProbe first) {
        return text("%s: no rate met %s. The first probe, at search.start_rate %,d req/s, already failed on %s: %s. "
                + "Lower search.start_rate or relax search.slo.", where(), spec.sloText(), first.offeredRps(),
                first.failedOn(), first.why());
    }

    private String where() {
        return text("%d node%s, %d B", clusterSize, clusterSize == 1 ? "" : "s", payloadBytes);
    }

    private SearchProbe probe(int rate, String phase) throws InterruptedException {
        int number = probes.size() + 1;
        Measured m = probe.at(rate, phase, number);
        if (m == null) return null;
        SearchProbe p = judge(spec, number, phase, rate, m);
        probes.add(p);
        progress.accept(result(null, false, false, null, null));
        return p;
    }

    /** Whether a probe met the SLO and got its load out, and if not, on what it failed (also for re-measurements). */
    public static SearchProbe judge(SearchSpec spec, int number, String phase, int offered, Measured m) {
        List<String> latency = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (Threshold t : spec.slo()) {
            double measured = measure(t.metric(), m);
            if (t.passes(measured)) continue;
            if (t.metric() == ThresholdMetric.SUCCESS_RATE) {
                errors.add(text("success %s%% breaks %s%%", Threshold.formatNumber(round(measured, 3)), t.expression()));
            } else {
                latency.add(text("%s %s ms breaks %s ms", t.metric().key().replace("_ms", ""),
                        Threshold.formatNumber(round(measured, 2)), t.expression()));
            }
        }
        boolean shortfall = m.achievedRps() < ACHIEVED_SHARE * offered;
        boolean generatorVerdict = m.limitedBy() != null && m.limitedBy().toLowerCase(Locale.ROOT).contains("generator");
        String failedOn;
        List<String> why = new ArrayList<>();
        why.addAll(errors);
        why.addAll(latency);
        if (!errors.isEmpty()) failedOn = SearchProbe.ERRORS;
        else if (!latency.isEmpty()) failedOn = generatorVerdict ? SearchProbe.GENERATOR : SearchProbe.LATENCY;
        else if (shortfall) failedOn = SearchProbe.GENERATOR;
        else failedOn = null;
        if (shortfall) {
            why.add(text("achieved %,.0f of %,d req/s offered (%.0f%%, below %.0f%%)", m.achievedRps(), offered,
                    100 * m.achievedRps() / offered, 100 * ACHIEVED_SHARE));
        }
        if (failedOn == null) {
            why.add(text("met the SLO: p99 %s ms, success %s%%, achieved %,.0f req/s",
                    Threshold.formatNumber(round(m.p99Micros() / 1000.0, 2)),
                    Threshold.formatNumber(round(m.successPercent(), 3)), m.achievedRps()));
        }
        if (m.limitedBy() != null && failedOn != null) why.add("limited by " + CellLimit.label(m.limitedBy()));
        return new SearchProbe(number, phase, offered, m.achievedRps(), m.p50Micros(), m.p99Micros(),
                m.successPercent(), failedOn == null, failedOn, String.join("; ", why), m.limitedBy());
    }

    private static double measure(ThresholdMetric metric, Measured m) {
        return switch (metric) {
            case P50_MS -> m.p50Micros() / 1000.0;
            case P90_MS -> m.p90Micros() / 1000.0;
            case P99_MS -> m.p99Micros() / 1000.0;
            case P999_MS -> m.p999Micros() / 1000.0;
            case SUCCESS_RATE -> m.successPercent();
            default -> throw new IllegalArgumentException(metric.key() + " is not a search SLO metric");
        };
    }

    private SearchResult partial() {
        return result(null, false, false, null, where() + ": the search was stopped after " + probes.size()
                + " probe(s), before it found a rate.");
    }

    private SearchResult done(Integer rate, boolean lowerBound, String stoppedBy, String summary) {
        SearchResult r = new SearchResult(clusterSize, concurrency, payloadBytes, spec.sloExpressions(), rate, lowerBound,
                rate != null && confirmed, stoppedBy, summary, true, started, clock.getAsLong(), probes);
        progress.accept(r);
        return r;
    }

    private SearchResult result(Integer rate, boolean lowerBound, boolean confirmed, String stoppedBy, String summary) {
        return new SearchResult(clusterSize, concurrency, payloadBytes, spec.sloExpressions(), rate, lowerBound,
                confirmed, stoppedBy, summary, false, started, clock.getAsLong(), probes);
    }

    private static double round(double v, int places) {
        double f = Math.pow(10, places);
        return Math.round(v * f) / f;
    }

    private static String text(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
