package io.repram.orchestrate.run;

import io.repram.orchestrate.engine.NodeStatsSample;
import io.repram.orchestrate.load.FiguresCollector;
import io.repram.orchestrate.load.IntervalDetail;
import io.repram.orchestrate.results.FaultEvent;
import io.repram.orchestrate.results.HlogWriter;
import io.repram.orchestrate.results.IntervalFigures;
import io.repram.orchestrate.results.IntervalRecord;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A known synthetic sequence of intervals gives known CSV rows and an .hlog that adds up to the totals. */
class IntervalRecorderTest {

    private static final long T0 = 1_700_000_000_000L;
    private static final String CELL = "2nodes_4conc_512bytes";

    @Test
    void knownIntervalsGiveKnownRowsAndAMatchingHlog(@TempDir Path dir) throws Exception {
        IntervalRecorder recorder = new IntervalRecorder(CELL, null, 1000, List.of("http://a", "http://b"));
        Histogram allPut = FiguresCollector.newHistogram();
        Histogram allGet = FiguresCollector.newHistogram();
        // Warm-up: one second, recorded in no file.
        IntervalRecord warm = recorder.add(detail(T0 + 1000, 1.0, true, 10, 0, 0, Map.of(), 1_000_000, 5_000_000),
                nodes(2, 0));
        assertTrue(warm.warmup());
        assertEquals(-1000, warm.offsetMillis());
        // Second k (0..2): 100 PUTs of (k+1) ms, 50 GETs of (k+2) ms, k failures classed timeout, node 1 down in second 2.
        for (int k = 0; k < 3; k++) {
            Histogram put = FiguresCollector.newHistogram();
            Histogram get = FiguresCollector.newHistogram();
            for (int i = 0; i < 100; i++) put.recordValue((k + 1) * 1_000_000L + i * 1000L);
            for (int i = 0; i < 50; i++) get.recordValue((k + 2) * 1_000_000L);
            allPut.add(put);
            allGet.add(get);
            Map<String, Long> errors = k == 0 ? Map.of() : Map.of("timeout", (long) k);
            IntervalFigures f = new IntervalFigures(T0 + 2000 + k * 1000L, 1.0, 150 + k, 150, k, 0, 0, false, errors,
                    List.of(100L, 50L), List.of(0L, (long) k));
            recorder.add(new IntervalDetail(f, 100, 50, put, get, FiguresCollector.newHistogram()), nodes(2, k));
        }
        recorder.write(dir, List.of(new FaultEvent(1500, "kill", 1, FaultEvent.SCENARIO, true, null),
                new FaultEvent(5000, "start", 1, FaultEvent.RESTORE, true, null)));

        List<CSVRecord> rows;
        try (Reader in = Files.newBufferedReader(IntervalRecorder.csvFile(dir, CELL));
             CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            assertTrue(csv.getHeaderNames().containsAll(List.of("offset_ms", "put_p99_us", "get_max_us",
                    "errors_timeout", "node1_failures", "node0_cpu_percent", "faults")), csv.getHeaderNames().toString());
            rows = csv.getRecords();
        }
        assertEquals(3, rows.size(), "one row per measured second, none for the warm-up");
        for (int k = 0; k < 3; k++) {
            CSVRecord r = rows.get(k);
            assertEquals(Long.toString(k * 1000L), r.get("offset_ms"));
            assertEquals(Long.toString(T0 + 2000 + k * 1000L), r.get("epoch_ms"));
            assertEquals("1000", r.get("interval_ms"));
            assertEquals(Long.toString(150 + k), r.get("requests"));
            assertEquals(String.format(java.util.Locale.ROOT, "%.1f", 150.0 + k), r.get("offered_per_sec"));
            assertEquals("150.0", r.get("achieved_per_sec"));
            assertEquals(Long.toString(k), r.get("errors_timeout"));
            assertEquals("100", r.get("put_count"));
            // 100 values (k+1) ms + i µs: the median is the 50th, to HdrHistogram's 3 digits.
            assertEquals((k + 1) * 1000L + 49, Long.parseLong(r.get("put_p50_us")), 2);
            assertEquals((k + 1) * 1000L + 99, Long.parseLong(r.get("put_max_us")), 2);
            assertEquals((k + 2) * 1000L, Long.parseLong(r.get("get_p999_us")), (k + 2));
            assertEquals("100", r.get("node0_successes"));
            assertEquals(Long.toString(k), r.get("node1_failures"));
            assertEquals(Double.toString(10.0 + k), r.get("node0_cpu_percent"));
            assertEquals(Long.toString(64L << 20), r.get("node1_memory_bytes"));
            assertEquals(k == 2 ? "false" : "true", r.get("node1_up"));
        }
        assertEquals("", rows.get(0).get("faults"));
        assertEquals("kill node 1 at 1500 ms", rows.get(1).get("faults"), "a fault lands in the second that contains it");
        assertEquals("", rows.get(2).get("faults"), "restorations after the window are no row's");

        // The .hlog read back: per tag, the merged intervals are the cell's totals.
        Histogram readPut = FiguresCollector.newHistogram();
        Histogram readGet = FiguresCollector.newHistogram();
        int intervals = 0;
        HistogramLogReader reader = new HistogramLogReader(IntervalRecorder.hlogFile(dir, CELL).toFile());
        double start = Double.NaN;
        while (reader.hasNext()) {
            EncodableHistogram h = reader.nextIntervalHistogram();
            if (h == null) break;
            Histogram hist = (Histogram) h;
            if (Double.isNaN(start)) start = reader.getStartTimeSec();
            assertEquals(1000.0, hist.getEndTimeStamp() - hist.getStartTimeStamp(), 2.0, "one second per interval");
            if (HlogWriter.PUT_TAG.equals(hist.getTag())) readPut.add(hist);
            else if (HlogWriter.GET_TAG.equals(hist.getTag())) readGet.add(hist);
            intervals++;
        }
        reader.close();
        assertEquals(6, intervals, "3 seconds x PUT and GET");
        assertEquals((T0 + 1000) / 1000.0, start, 1e-3, "the log starts with the measured window");
        assertSame(allPut, readPut);
        assertSame(allGet, readGet);
    }

    @Test
    void aStreamingRecorderKeepsNothing() {
        IntervalRecorder recorder = IntervalRecorder.streaming("load", 500, 0, List.of("http://a"));
        IntervalRecord r = recorder.add(detail(T0, 2.0, false, 800, 790, 10, Map.of("status_503", 10L), 2_000_000, 0),
                List.of());
        assertEquals(500, r.offeredPerSec(), 1e-9, "an open loop offers its target rate");
        assertEquals(395, r.achievedPerSec(), 1e-9);
        assertEquals(1, r.nodes().size());
        assertTrue(recorder.measured().isEmpty());
        assertEquals(null, recorder.hlog());
    }

    private static void assertSame(Histogram expected, Histogram actual) {
        assertEquals(expected.getTotalCount(), actual.getTotalCount());
        for (double p : new double[]{50, 90, 99, 99.9, 100}) {
            assertEquals(expected.getValueAtPercentile(p), actual.getValueAtPercentile(p), "p" + p);
        }
        assertFalse(actual.getTotalCount() == 0);
    }

    private static IntervalDetail detail(long epochMillis, double seconds, boolean warmup, long requests, long ok,
                                         long failed, Map<String, Long> errors, long putNanos, long getNanos) {
        Histogram put = FiguresCollector.newHistogram();
        Histogram get = FiguresCollector.newHistogram();
        if (putNanos > 0) put.recordValue(putNanos);
        if (getNanos > 0) get.recordValue(getNanos);
        IntervalFigures f = new IntervalFigures(epochMillis, seconds, requests, ok, failed, 0, 0, warmup, errors);
        return new IntervalDetail(f, 1, 1, put, get, FiguresCollector.newHistogram());
    }

    /** Node i sampled at (10 + k) % CPU and 64 MB; node 1 is down in second 2. */
    private static List<LiveSnapshot.NodeLive> nodes(int count, int k) {
        java.util.ArrayList<LiveSnapshot.NodeLive> nodes = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            NodeStatsSample s = new NodeStatsSample(T0, i, "node-" + i, 10.0 + k, 64L << 20, 1L << 30, 0, 0, 0, 0);
            nodes.add(new LiveSnapshot.NodeLive(i, "node-" + i, !(i == 1 && k == 2), s, 100, 200, -1, -1, 0, 100));
        }
        return nodes;
    }
}
