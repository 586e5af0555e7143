package io.repram.orchestrate.load;

import io.repram.orchestrate.results.IntervalFigures;
import io.repram.orchestrate.results.LatencySummary;
import io.repram.orchestrate.results.LoadFigures;
import io.repram.orchestrate.results.NodeFigures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Turns the loops' recorders and counters into per-interval figures and, for the measured window
 * only, cumulative figures. Used by one thread, the one that runs the generator.
 */
public final class FiguresCollector {

    private final List<LoopStats> loops;
    private final List<String> targets;
    private final Histogram intervalPut = LoopStats.newHistogram();
    private final Histogram intervalGet = LoopStats.newHistogram();
    private final Histogram intervalAll = LoopStats.newHistogram();
    private final Histogram intervalSlip = LoopStats.newHistogram();
    private final Histogram totalPut = LoopStats.newHistogram();
    private final Histogram totalGet = LoopStats.newHistogram();
    private final long[][] previous;
    private final long[][] measured;
    private final NodeAvailability availability;

    /** A fresh histogram with the generator's range and precision, so that merging loses nothing. */
    public static Histogram newHistogram() {
        return LoopStats.newHistogram();
    }

    /** @param targets the nodes' URLs in target order; every loop counts per target index */
    FiguresCollector(List<LoopStats> loops, List<String> targets) {
        this(loops, targets, targets.size());
    }

    /** @param sentNodes how many of the targets, from the first, have a worker */
    FiguresCollector(List<LoopStats> loops, List<String> targets, int sentNodes) {
        this.loops = List.copyOf(loops);
        this.targets = List.copyOf(targets);
        this.previous = new long[targets.size()][Outcome.SLOTS];
        this.measured = new long[targets.size()][Outcome.SLOTS];
        this.availability = new NodeAvailability(targets.size(), sentNodes);
    }

    /**
     * Collects what happened since the previous call; counts it in the totals unless {@code warmup}.
     * The detail's histograms are reused by the next call.
     */
    IntervalDetail interval(long epochMillis, double intervalSeconds, boolean warmup) {
        intervalPut.reset();
        intervalGet.reset();
        intervalSlip.reset();
        for (LoopStats loop : loops) {
            loop.drainLatencies(intervalPut, intervalGet);
            loop.drainSendSlip(intervalSlip);
        }
        long[] delta = new long[Outcome.SLOTS];
        boolean[] answered = new boolean[targets.size()];
        List<Long> nodeSuccesses = new ArrayList<>(targets.size());
        List<Long> nodeFailures = new ArrayList<>(targets.size());
        long[] now = new long[Outcome.SLOTS];
        for (int node = 0; node < targets.size(); node++) {
            java.util.Arrays.fill(now, 0);
            for (LoopStats loop : loops) {
                loop.addNodeCountersTo(node, now);
            }
            long[] before = previous[node];
            for (int i = 0; i < delta.length; i++) {
                long d = now[i] - before[i];
                delta[i] += d;
                if (!warmup) {
                    measured[node][i] += d;
                }
            }
            long ok = now[Outcome.PUT_OK] + now[Outcome.GET_OK] - before[Outcome.PUT_OK] - before[Outcome.GET_OK];
            answered[node] = ok > 0;
            nodeSuccesses.add(ok);
            nodeFailures.add(now[Outcome.PUT_FAILED] + now[Outcome.GET_FAILED] - before[Outcome.PUT_FAILED]
                    - before[Outcome.GET_FAILED]);
            System.arraycopy(now, 0, before, 0, now.length);
        }
        if (!warmup) {
            totalPut.add(intervalPut);
            totalGet.add(intervalGet);
            availability.interval(answered, intervalSeconds);
        }
        intervalAll.reset();
        intervalAll.add(intervalPut);
        intervalAll.add(intervalGet);
        long successes = delta[Outcome.PUT_OK] + delta[Outcome.GET_OK];
        long failures = delta[Outcome.PUT_FAILED] + delta[Outcome.GET_FAILED];
        IntervalFigures figures = new IntervalFigures(epochMillis, intervalSeconds, successes + failures, successes,
                failures, intervalAll.getTotalCount() == 0 ? 0 : intervalAll.getValueAtPercentile(50) / 1000,
                intervalAll.getTotalCount() == 0 ? 0 : intervalAll.getValueAtPercentile(99) / 1000,
                warmup, errors(delta), nodeSuccesses, nodeFailures);
        return new IntervalDetail(figures, delta[Outcome.PUT_OK] + delta[Outcome.PUT_FAILED],
                delta[Outcome.GET_OK] + delta[Outcome.GET_FAILED], intervalPut, intervalGet, intervalSlip);
    }

    /** The measured window so far. */
    LoadFigures totals(double elapsedSeconds) {
        Histogram all = LoopStats.newHistogram();
        all.add(totalPut);
        all.add(totalGet);
        long[] sum = new long[Outcome.SLOTS];
        List<NodeFigures> nodes = new ArrayList<>();
        for (int node = 0; node < targets.size(); node++) {
            long[] m = measured[node];
            for (int i = 0; i < sum.length; i++) {
                sum[i] += m[i];
            }
            long ok = m[Outcome.PUT_OK] + m[Outcome.GET_OK];
            long failed = m[Outcome.PUT_FAILED] + m[Outcome.GET_FAILED];
            nodes.add(new NodeFigures(node, targets.get(node), ok + failed, ok, failed, errors(m),
                    availability.intervals(node), availability.answeredIntervals(node),
                    availability.availabilityPercent(node), availability.outages(node)));
        }
        long puts = sum[Outcome.PUT_OK] + sum[Outcome.PUT_FAILED];
        long gets = sum[Outcome.GET_OK] + sum[Outcome.GET_FAILED];
        long successes = sum[Outcome.PUT_OK] + sum[Outcome.GET_OK];
        return new LoadFigures(puts + gets, successes, puts + gets - successes, puts, gets, elapsedSeconds,
                summary(all), summary(totalPut), summary(totalGet), errors(sum), nodes);
    }

    public static LatencySummary summary(Histogram h) {
        if (h.getTotalCount() == 0) {
            return LatencySummary.EMPTY;
        }
        return new LatencySummary(h.getTotalCount(), h.getMean(), h.getMinValue(),
                h.getValueAtPercentile(50), h.getValueAtPercentile(90), h.getValueAtPercentile(99),
                h.getValueAtPercentile(99.9), h.getMaxValue());
    }

    private static Map<String, Long> errors(long[] counts) {
        Map<String, Long> errors = new TreeMap<>();
        for (int slot = 0; slot < counts.length; slot++) {
            if (Outcome.isErrorSlot(slot) && counts[slot] != 0) {
                errors.put(Outcome.errorName(slot), counts[slot]);
            }
        }
        return errors;
    }
}
