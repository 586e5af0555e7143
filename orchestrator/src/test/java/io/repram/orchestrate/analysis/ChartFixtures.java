package io.repram.orchestrate.analysis;

import io.repram.orchestrate.results.CellResult;
import io.repram.orchestrate.results.FaultEvent;
import io.repram.orchestrate.results.HlogWriter;
import io.repram.orchestrate.results.IntervalLatency;
import io.repram.orchestrate.results.IntervalLogCsv;
import io.repram.orchestrate.results.IntervalRecord;
import io.repram.orchestrate.results.LatencySummary;
import io.repram.orchestrate.results.LoadFigures;
import io.repram.orchestrate.scenario.Cell;
import org.HdrHistogram.Histogram;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Cells and per-interval files with figures chosen by the test, so a chart can be checked against them. */
final class ChartFixtures {

    static final long START_MILLIS = 1_735_787_045_000L;
    /** The intervals' throughput: 1000 successes/s before {@link #STEP_SECOND}, 2000/s from it. */
    static final int STEP_SECOND = 10;
    static final int SECONDS = 20;
    static final long PUT_P50_US = 500;
    static final long PUT_P99_US = 5_000;
    static final long GET_P50_US = 300;
    static final long GET_P99_US = 3_000;
    /** An interval in which no GET completed. */
    static final int NO_GET_SECOND = 3;

    private ChartFixtures() {
    }

    /** A 10 s cell with the given rate and whole-cell p50/p99 (nanoseconds). */
    static CellResult cell(int index, int size, int conc, int payload, double rps, long p50Nanos, long p99Nanos,
                           List<FaultEvent> faults) {
        long requests = Math.round(rps * 10);
        LatencySummary all = new LatencySummary(requests, p50Nanos * 1.1, 10_000, p50Nanos, p50Nanos * 2, p99Nanos,
                p99Nanos * 2, p99Nanos * 3);
        LoadFigures load = new LoadFigures(requests, requests, 0, requests / 2, requests - requests / 2, 10.0, all, all,
                all, Map.of());
        long start = START_MILLIS + index * 20_000L;
        return new CellResult(new Cell(index, size, conc, payload), start, start + 10_000, load, 40, 100L << 20, "ok",
                null, faults, null, null);
    }

    /** {@link #SECONDS} one-second intervals: the throughput step, constant latencies, one interval without GETs. */
    static List<IntervalRecord> steppedIntervals() {
        List<IntervalRecord> out = new ArrayList<>();
        for (int s = 0; s < SECONDS; s++) {
            long ok = s < STEP_SECOND ? 1000 : 2000;
            IntervalLatency put = new IntervalLatency(ok / 2, PUT_P50_US, PUT_P50_US * 2, PUT_P99_US, PUT_P99_US * 2,
                    PUT_P99_US * 3);
            IntervalLatency get = s == NO_GET_SECOND ? IntervalLatency.EMPTY
                    : new IntervalLatency(ok / 2, GET_P50_US, GET_P50_US * 2, GET_P99_US, GET_P99_US * 2, GET_P99_US * 3);
            out.add(new IntervalRecord(s * 1000L, START_MILLIS + (s + 1) * 1000L, 1000, false, ok, ok, ok, 0, Map.of(),
                    put, get, List.of()));
        }
        return out;
    }

    static FaultEvent kill(long offsetMillis, int node) {
        return new FaultEvent(offsetMillis, "kill", node, FaultEvent.SCENARIO, true, null);
    }

    static FaultEvent restore(long offsetMillis, int node) {
        return new FaultEvent(offsetMillis, "start", node, FaultEvent.RESTORE, true, null);
    }

    /** PUT latencies 1, 2, … 1000 µs (one each): the value at percentile q is ⌈10·q⌉ µs. */
    static Histogram uniformPutNanos() {
        Histogram h = new Histogram(3_600_000_000_000L, 3);
        for (int us = 1; us <= 1000; us++) h.recordValue(us * 1000L);
        return h;
    }

    /** GET latencies all 2 ms. */
    static Histogram constantGetNanos() {
        Histogram h = new Histogram(3_600_000_000_000L, 3);
        h.recordValueWithCount(2_000_000L, 1000);
        return h;
    }

    /**
     * Writes the cell's {@code _intervals.csv} (the stepped intervals) and {@code .hlog} (the
     * uniform PUTs and constant GETs, split over two intervals) with the run's own writers.
     */
    static void writeCellFiles(Path dir, CellResult r) {
        IntervalLogCsv.write(IntervalLogCsv.file(dir, r.cell().id()), steppedIntervals(), r.faults());
        Histogram put = uniformPutNanos();
        Histogram get = constantGetNanos();
        Histogram empty = new Histogram(3_600_000_000_000L, 3);
        HlogWriter log = new HlogWriter(START_MILLIS, r.cell().id(), put);
        log.add(START_MILLIS, START_MILLIS + 1000, put, empty);
        log.add(START_MILLIS + 1000, START_MILLIS + 2000, empty, get);
        log.write(HlogWriter.file(dir, r.cell().id()));
    }

    static Graphics2D graphics() {
        return new BufferedImage(900, 500, BufferedImage.TYPE_INT_RGB).createGraphics();
    }

    static Rectangle2D area() {
        return new Rectangle2D.Double(60, 20, 800, 400);
    }
}
