package io.repram.orchestrate.load.agent;

import io.repram.orchestrate.load.FiguresCollector;
import io.repram.orchestrate.results.IntervalFigures;
import io.repram.orchestrate.results.LatencySummary;
import io.repram.orchestrate.results.LoadFigures;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Merging agents' histograms is exact: the same percentiles as one histogram of every sample. */
class HistogramMergeTest {

    @Test
    void encodeDecodeRoundTripKeepsEveryCount() {
        Histogram h = FiguresCollector.newHistogram();
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 10_000; i++) h.recordValue(1_000 + random.nextLong(50_000_000));
        Histogram back = HistogramCodec.decode(HistogramCodec.encode(h));
        assertEquals(h, back);
        assertEquals(h.getTotalCount(), back.getTotalCount());
        assertEquals(h.getValueAtPercentile(99.9), back.getValueAtPercentile(99.9));
        assertEquals(0, HistogramCodec.decode(HistogramCodec.encode(FiguresCollector.newHistogram())).getTotalCount());
    }

    @Test
    void garbageIsNotAHistogram() {
        assertThrows(IllegalArgumentException.class, () -> HistogramCodec.decode("bm90IGEgaGlzdG9ncmFt"));
    }

    @Test
    void mergedAgentsGiveThePercentilesOfOneHistogramOfAllSamples() {
        SplittableRandom random = new SplittableRandom(42);
        int agents = 4;
        Histogram allPut = FiguresCollector.newHistogram();
        Histogram allGet = FiguresCollector.newHistogram();
        IntervalMerger merger = new IntervalMerger(agents);
        List<IntervalFigures> live = new ArrayList<>();
        long seq = 0;
        for (int second = 0; second < 5; second++) {
            for (int a = 0; a < agents; a++) {
                Histogram put = FiguresCollector.newHistogram();
                Histogram get = FiguresCollector.newHistogram();
                // Agents see different latency shapes: a merge that averaged percentiles would be off.
                int n = 500 + random.nextInt(2000);
                for (int i = 0; i < n; i++) {
                    long base = (a + 1) * 200_000L;
                    long v = base + (long) (random.nextDouble() * random.nextDouble() * 40_000_000L * (a + 1));
                    if (random.nextInt(100) < 60) put.recordValue(v);
                    else get.recordValue(v);
                }
                boolean warmup = second == 0;
                if (!warmup) {
                    allPut.add(put);
                    allGet.add(get);
                }
                merger.add(a, interval(++seq, warmup, put, get));
            }
            merger.flush(d -> live.add(d.figures()));
        }
        LoadFigures totals = merger.totals();
        Histogram all = FiguresCollector.newHistogram();
        all.add(allPut);
        all.add(allGet);
        assertSamePercentiles(all, totals.all());
        assertSamePercentiles(allPut, totals.put());
        assertSamePercentiles(allGet, totals.get());
        assertEquals(all.getTotalCount(), totals.requests());
        assertEquals(allPut.getTotalCount(), totals.puts());
        assertEquals(4.0, totals.elapsedSeconds(), 1e-9, "agents run side by side: the window is one agent's");
        assertEquals(5, live.size(), "one live interval per polling round");
        assertTrue(live.get(0).warmup() && !live.get(1).warmup());
        assertEquals(live.stream().skip(1).mapToLong(IntervalFigures::requests).sum(), totals.requests());
    }

    private static void assertSamePercentiles(Histogram expected, LatencySummary merged) {
        assertEquals(expected.getTotalCount(), merged.count());
        for (double p : new double[]{50, 90, 99, 99.9}) {
            assertTrue(expected.getValueAtPercentile(p) > 0);
        }
        assertEquals(expected.getValueAtPercentile(50), merged.p50Nanos());
        assertEquals(expected.getValueAtPercentile(90), merged.p90Nanos());
        assertEquals(expected.getValueAtPercentile(99), merged.p99Nanos());
        assertEquals(expected.getValueAtPercentile(99.9), merged.p999Nanos());
        assertEquals(expected.getMaxValue(), merged.maxNanos());
        assertEquals(expected.getMinValue(), merged.minNanos());
        assertEquals(expected.getMean(), merged.meanNanos(), 1e-6);
    }

    private static AgentWire.Interval interval(long seq, boolean warmup, Histogram put, Histogram get) {
        long puts = put.getTotalCount();
        long gets = get.getTotalCount();
        return new AgentWire.Interval(seq, 1_000 * seq, 1.0, warmup, puts, gets, puts + gets, 0, Map.of(),
                HistogramCodec.encode(put), HistogramCodec.encode(get),
                HistogramCodec.encode(FiguresCollector.newHistogram()), 12.5, 0);
    }
}
