package io.repram.orchestrate.load.agent;

import io.repram.orchestrate.load.FiguresCollector;
import io.repram.orchestrate.load.IntervalDetail;
import io.repram.orchestrate.results.IntervalFigures;
import io.repram.orchestrate.results.LoadFigures;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Adds the agents' intervals up, histogram by histogram: into one live interval per polling round
 * (for the dashboard), into the measured window's totals, and per agent (for the shares). Merging
 * HdrHistograms loses nothing, so the percentiles equal those of one histogram of every sample.
 * Used by one thread.
 */
final class IntervalMerger {

    /** What one agent measured in the window (warm-up excluded). */
    static final class AgentTotals {
        long requests;
        double seconds;
        double cpuSeconds;
        double peakCpuPercent;
        long maxSendSlipMicros;
        final Histogram sendSlip = FiguresCollector.newHistogram();
    }

    private final List<AgentTotals> agents = new ArrayList<>();
    private final Round warmupRound;
    private final Round measuredRound;
    private final Histogram totalPut = FiguresCollector.newHistogram();
    private final Histogram totalGet = FiguresCollector.newHistogram();
    private long puts;
    private long gets;
    private long successes;
    private final Map<String, Long> errors = new TreeMap<>();

    IntervalMerger(int agentCount) {
        for (int i = 0; i < agentCount; i++) agents.add(new AgentTotals());
        warmupRound = new Round(agentCount, true);
        measuredRound = new Round(agentCount, false);
    }

    void add(int agent, AgentWire.Interval iv) {
        Histogram put = HistogramCodec.decode(iv.putHistogram());
        Histogram get = HistogramCodec.decode(iv.getHistogram());
        (iv.warmup() ? warmupRound : measuredRound).add(agent, iv, put, get);
        if (iv.warmup()) return;
        totalPut.add(put);
        totalGet.add(get);
        puts += iv.puts();
        gets += iv.gets();
        successes += iv.successes();
        iv.errorsByClass().forEach((k, v) -> errors.merge(k, v, Long::sum));
        AgentTotals a = agents.get(agent);
        a.requests += iv.puts() + iv.gets();
        a.seconds += iv.seconds();
        a.cpuSeconds += iv.cpuPercent() / 100.0 * iv.seconds();
        a.peakCpuPercent = Math.max(a.peakCpuPercent, iv.cpuPercent());
        a.maxSendSlipMicros = Math.max(a.maxSendSlipMicros, iv.maxSendSlipMicros());
        a.sendSlip.add(HistogramCodec.decode(iv.sendSlipHistogram()));
    }

    /** Hands the round's warm-up part, then its measured part, to {@code sink}; empty parts are skipped. */
    void flush(Consumer<IntervalDetail> sink) {
        warmupRound.flush(sink);
        measuredRound.flush(sink);
    }

    /** The measured window; its length is the longest agent's, since they run side by side. */
    LoadFigures totals() {
        Histogram all = FiguresCollector.newHistogram();
        all.add(totalPut);
        all.add(totalGet);
        double elapsed = agents.stream().mapToDouble(a -> a.seconds).max().orElse(0);
        return new LoadFigures(puts + gets, successes, puts + gets - successes, puts, gets, elapsed,
                FiguresCollector.summary(all), FiguresCollector.summary(totalPut), FiguresCollector.summary(totalGet),
                errors);
    }

    List<AgentTotals> agents() {
        return agents;
    }

    /** The intervals of one polling round that share a warm-up flag. */
    private static final class Round {
        private final boolean warmup;
        private final double[] seconds;
        private final Histogram latency = FiguresCollector.newHistogram();
        private final Histogram put = FiguresCollector.newHistogram();
        private final Histogram get = FiguresCollector.newHistogram();
        private long puts;
        private long gets;
        private final Map<String, Long> errors = new TreeMap<>();
        private long requests;
        private long successes;
        private long lastEpochMillis;
        private boolean any;

        Round(int agentCount, boolean warmup) {
            this.warmup = warmup;
            this.seconds = new double[agentCount];
        }

        void add(int agent, AgentWire.Interval iv, Histogram put, Histogram get) {
            any = true;
            seconds[agent] += iv.seconds();
            latency.add(put);
            latency.add(get);
            this.put.add(put);
            this.get.add(get);
            puts += iv.puts();
            gets += iv.gets();
            requests += iv.puts() + iv.gets();
            successes += iv.successes();
            lastEpochMillis = Math.max(lastEpochMillis, iv.epochMillis());
            iv.errorsByClass().forEach((k, v) -> errors.merge(k, v, Long::sum));
        }

        void flush(Consumer<IntervalDetail> sink) {
            if (!any) return;
            double span = 0;
            for (double s : seconds) span = Math.max(span, s);
            boolean empty = latency.getTotalCount() == 0;
            IntervalFigures figures = new IntervalFigures(lastEpochMillis, span, requests, successes, requests - successes,
                    empty ? 0 : latency.getValueAtPercentile(50) / 1000, empty ? 0 : latency.getValueAtPercentile(99) / 1000,
                    warmup, errors);
            // The agents' send slip is judged per agent (AgentShares), not per merged interval.
            sink.accept(new IntervalDetail(figures, puts, gets, put, get, FiguresCollector.newHistogram()));
            java.util.Arrays.fill(seconds, 0);
            latency.reset();
            put.reset();
            get.reset();
            puts = 0;
            gets = 0;
            errors.clear();
            requests = 0;
            successes = 0;
            any = false;
        }
    }
}
