package io.repram.orchestrate.run;

import io.repram.orchestrate.analysis.Bootstrap;
import io.repram.orchestrate.analysis.MedianInterval;
import io.repram.orchestrate.analysis.Significance;
import io.repram.orchestrate.load.CellLoad;
import io.repram.orchestrate.results.CellResult;
import io.repram.orchestrate.results.LoadFigures;
import io.repram.orchestrate.results.Micros;
import io.repram.orchestrate.scenario.Cell;
import io.repram.orchestrate.scenario.Measurement;
import io.repram.orchestrate.results.IntervalRecord;
import io.repram.orchestrate.results.TrialFigures;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Collects the trials of one cell and makes them one result: the figures of the trial at the median
 * req/s (the lower middle one for an even count), with req/s and p99 as the median over trials and its
 * distribution-free interval over trials ({@link MedianInterval}, below 95% with fewer than 6 trials,
 * and saying so); with one trial, the interval
 * of its per-second figures' mean ({@link Bootstrap#meanOfSeries}) as a share of that mean, applied to
 * the cell's own figure (the whole window's p99 is not the mean of per-second p99s, but moves with it).
 */
public final class TrialLoop {

    /** One trial as measured. */
    public record Trial(CellResult result, TrialFigures.Trial figures, IntervalRecorder intervals) {
    }

    private final List<Trial> trials = new ArrayList<>();

    public void add(Trial t) {
        trials.add(t);
    }

    public List<Trial> trials() {
        return List.copyOf(trials);
    }

    /** The trial whose figures stand for the cell. */
    public Trial representative() {
        List<Trial> byRate = trials.stream()
                .sorted(Comparator.comparingDouble(t -> t.result().load().requestsPerSec())).toList();
        return byRate.get((byRate.size() - 1) / 2);
    }

    /** The cell's result: the representative trial's, spanning all trials, with the trial figures. */
    public CellResult combined() {
        Trial rep = representative();
        CellResult r = rep.result();
        List<TrialFigures.Trial> figures = trials.stream().map(Trial::figures).toList();
        TrialFigures.Estimate rate;
        TrialFigures.Estimate p99;
        if (trials.size() > 1) {
            rate = overTrials(figures.stream().mapToDouble(TrialFigures.Trial::requestsPerSec).toArray());
            p99 = overTrials(figures.stream().mapToDouble(TrialFigures.Trial::p99LatencyUs).toArray());
        } else {
            List<IntervalRecord> measured = rep.intervals().measured();
            rate = overIntervals(r.load().requestsPerSec(), Significance.ratePerSecond(measured));
            p99 = overIntervals(r.load().all().p99Nanos() / 1000.0, Significance.p99PerSecondMs(measured));
        }
        CellResult first = trials.get(0).result();
        CellResult last = trials.get(trials.size() - 1).result();
        CellResult spanning = new CellResult(r.cell(), first.startedEpochMillis(), last.finishedEpochMillis(), r.load(),
                r.peakCpuPercent(), r.peakMemoryBytes(), r.status(), r.statusReason(), r.faults(), r.convergence(),
                r.audit(), r.agents(), r.nodePeakCpuPercent(), r.nodePeakMemoryBytes());
        // The representative trial's verdict: its figures are the ones the cell reports.
        return spanning.withTrials(new TrialFigures(figures, rate, p99)).withLimit(r.limit());
    }

    /** {@code <cell>_trial<k>}: the file id of one trial's per-interval files. */
    public static String fileId(Cell cell, int trial) {
        return cell.id() + "_trial" + trial;
    }

    /**
     * Feeds one recorded second to the warm-up watch (every second, so a fixed warm-up can be judged
     * too) and, when measured, to the adaptive stop rule; stops the load once the rule is met.
     */
    static void observe(WarmupWatch watch, StopRule rule, IntervalRecord rec, boolean[] precise, CellLoad load) {
        boolean requests = rec.put().count() + rec.get().count() > 0;
        double p99Millis = (rec.put().count() >= rec.get().count() ? rec.put() : rec.get()).p99Us() / 1000.0;
        watch.add(rec.intervalMillis(), rec.achievedPerSec(), p99Millis);
        if (rule != null && !rec.warmup() && !precise[0]
                && rule.add(rec.intervalMillis(), rec.achievedPerSec(), p99Millis, requests)) {
            precise[0] = true;
            load.stop();
        }
    }

    /** One trial's own figures, from its load and how it warmed up and stopped. */
    static TrialFigures.Trial trial(int trial, long startedEpochMillis, LoadFigures load, String status, boolean precise,
                                    Measurement m, Duration fixedWarmup, WarmupPhase.Outcome warmed, WarmupWatch watch,
                                    long gentleMillis) {
        String reason = CellResult.SKIPPED.equals(status) ? CellResult.SKIPPED
                : precise ? StopRule.PRECISION_REACHED : m.adaptive() ? StopRule.MAX_REACHED : StopRule.FIXED;
        // A fixed warm-up's figures are watched from the start of the cell's own load, after any gentle start.
        Long flatFrom = warmed != null ? (warmed.flatFromMillis() < 0 ? null : warmed.flatFromMillis())
                : watch.flatSeen() ? watch.flatFromMillis() + gentleMillis : null;
        return new TrialFigures.Trial(trial, startedEpochMillis, load.requestsPerSec(), Micros.fromNanos(load.all().p99Nanos()),
                load.successRate(), Math.round(load.elapsedSeconds() * 1000), reason,
                warmed != null ? warmed.warmupMillis() : fixedWarmup.toMillis() + gentleMillis, warmed != null,
                warmed != null && warmed.hitMax(), flatFrom);
    }

    /** A trial's result carrying its own figures (the cell's estimates come with {@link #combined}). */
    static CellResult single(CellResult result, TrialFigures.Trial trial) {
        return result.withTrials(new TrialFigures(List.of(trial), null, null));
    }

    static TrialFigures.Estimate overTrials(double[] values) {
        Optional<MedianInterval.Result> ci = MedianInterval.of(values);
        return new TrialFigures.Estimate(Bootstrap.median(values), ci.map(c -> c.interval().low()).orElse(null),
                ci.map(c -> c.interval().high()).orElse(null), values.length, TrialFigures.Estimate.TRIALS,
                ci.map(MedianInterval.Result::levelPercent).orElse(null));
    }

    static TrialFigures.Estimate overIntervals(double point, double[] series) {
        Optional<Bootstrap.Interval> ci = Bootstrap.meanOfSeries(series);
        if (ci.isEmpty() || ci.get().point() <= 0) {
            return new TrialFigures.Estimate(point, null, null, series.length, TrialFigures.Estimate.INTERVALS);
        }
        double scale = point / ci.get().point();
        return new TrialFigures.Estimate(point, ci.get().low() * scale, ci.get().high() * scale, series.length,
                TrialFigures.Estimate.INTERVALS);
    }
}
