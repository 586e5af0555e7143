package io.repram.orchestrate.results;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A cell's latency histograms as an HdrHistogram log ({@code <cell>.hlog}): one interval histogram
 * per second and operation, tagged {@code PUT} or {@code GET}, values in nanoseconds, timestamps
 * relative to the base time (the start of the measured window). The lines are encoded (compressed)
 * as the intervals arrive and kept in memory, a few hundred bytes each; {@link #write} puts them
 * on disk atomically once the cell is done. Used by one thread.
 */
public final class HlogWriter {

    public static final String PUT_TAG = "PUT";
    public static final String GET_TAG = "GET";
    /** The log's "max" column in milliseconds, the HdrHistogram tools' convention for nanosecond values. */
    private static final double NANOS_PER_MILLI = 1_000_000.0;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream stream = new PrintStream(bytes, false, StandardCharsets.UTF_8);
    private final HistogramLogWriter log = new HistogramLogWriter(stream);
    private final Histogram copy;
    private final long baseEpochMillis;
    private int intervals;

    /** {@code <cell>.hlog} in the results directory {@code dir}. */
    public static Path file(Path dir, String cellId) {
        return dir.resolve(cellId + ".hlog");
    }

    /** @param baseEpochMillis start of the measured window: the log's start and base time */
    public HlogWriter(long baseEpochMillis, String cellId, Histogram template) {
        this.baseEpochMillis = baseEpochMillis;
        copy = new Histogram(template.getLowestDiscernibleValue(), template.getHighestTrackableValue(),
                template.getNumberOfSignificantValueDigits());
        log.outputComment("repram-orchestrate cell " + cellId + ": PUT and GET latencies (ns), one interval per second");
        log.outputLogFormatVersion();
        log.outputStartTime(baseEpochMillis);
        log.setBaseTime(baseEpochMillis);
        log.outputBaseTime(baseEpochMillis);
        log.outputLegend();
    }

    /** Appends the interval's two histograms; they are copied, so the caller may reuse them. */
    public void add(long startEpochMillis, long endEpochMillis, Histogram put, Histogram get) {
        append(startEpochMillis, endEpochMillis, put, PUT_TAG);
        append(startEpochMillis, endEpochMillis, get, GET_TAG);
        intervals++;
    }

    private void append(long start, long end, Histogram h, String tag) {
        copy.reset();
        copy.add(h);
        copy.setTag(tag);
        copy.setStartTimeStamp(start);
        copy.setEndTimeStamp(end);
        log.outputIntervalHistogram((start - baseEpochMillis) / 1000.0, (end - baseEpochMillis) / 1000.0, copy,
                NANOS_PER_MILLI);
    }

    public int intervals() {
        return intervals;
    }

    /** The log so far. */
    public byte[] bytes() {
        stream.flush();
        return bytes.toByteArray();
    }

    public void write(Path file) {
        byte[] content = bytes();
        AtomicFiles.writeBinary(file, out -> out.write(content));
    }
}
