package io.repram.orchestrate.run;

import io.repram.orchestrate.load.IntervalDetail;
import io.repram.orchestrate.results.FaultEvent;
import io.repram.orchestrate.results.HlogWriter;
import io.repram.orchestrate.results.IntervalFigures;
import io.repram.orchestrate.results.IntervalLatency;
import io.repram.orchestrate.results.IntervalLogCsv;
import io.repram.orchestrate.results.IntervalRecord;
import io.repram.orchestrate.results.NodeInterval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one cell's per-second load intervals into {@link IntervalRecord}s, and keeps the measured
 * ones with their histograms (as an encoded HdrHistogram log) until the cell's files are written.
 * Called from the load's interval callback only, never from the request loop. Used by one thread.
 */
public final class IntervalRecorder {

    private final String cellId;
    private final Integer openLoopRatePerSec;
    private final long warmupMillis;
    private final List<String> targets;
    private final boolean keep;
    private final List<IntervalRecord> measured = new ArrayList<>();
    private HlogWriter hlog;
    private long clockMillis;
    private boolean measuring;

    /**
     * @param openLoopRatePerSec the open loop's target rate; null for a closed loop
     * @param targets            the nodes' URLs in target order, named in the records when no
     *                           cluster status says more
     */
    public IntervalRecorder(String cellId, Integer openLoopRatePerSec, long warmupMillis, List<String> targets) {
        this(cellId, openLoopRatePerSec, warmupMillis, targets, true);
    }

    /** A recorder that only converts (for streams and metrics): it keeps nothing, however long the load runs. */
    public static IntervalRecorder streaming(String cellId, Integer openLoopRatePerSec, long warmupMillis,
                                             List<String> targets) {
        return new IntervalRecorder(cellId, openLoopRatePerSec, warmupMillis, targets, false);
    }

    private IntervalRecorder(String cellId, Integer openLoopRatePerSec, long warmupMillis, List<String> targets,
                             boolean keep) {
        this.keep = keep;
        this.cellId = cellId;
        this.openLoopRatePerSec = openLoopRatePerSec;
        this.warmupMillis = warmupMillis;
        this.targets = List.copyOf(targets);
    }

    /**
     * Records an interval; warm-up intervals are returned (for the stream) but not kept.
     *
     * @param nodes the cluster's view of each node at the end of the interval; empty when there is none
     */
    public IntervalRecord add(IntervalDetail detail, List<LiveSnapshot.NodeLive> nodes) {
        IntervalFigures iv = detail.figures();
        long lengthMillis = Math.round(iv.intervalSeconds() * 1000);
        if (!iv.warmup() && !measuring) {
            measuring = true;
            clockMillis = 0;
        }
        long offset = measuring ? clockMillis : clockMillis - warmupMillis;
        clockMillis += lengthMillis;
        double offered = openLoopRatePerSec != null ? openLoopRatePerSec
                : lengthMillis <= 0 ? 0 : iv.requests() * 1000.0 / lengthMillis;
        IntervalRecord record = new IntervalRecord(offset, iv.epochMillis(), lengthMillis, iv.warmup(), offered,
                iv.requests(), iv.successes(), iv.failures(), iv.errorsByClass(), IntervalLatency.ofNanos(detail.put()),
                IntervalLatency.ofNanos(detail.get()), nodes(iv, nodes));
        if (keep && !iv.warmup()) {
            long start = iv.epochMillis() - lengthMillis;
            if (hlog == null) hlog = new HlogWriter(start, cellId, detail.put());
            hlog.add(start, iv.epochMillis(), detail.put(), detail.get());
            measured.add(record);
        }
        return record;
    }

    private List<NodeInterval> nodes(IntervalFigures iv, List<LiveSnapshot.NodeLive> live) {
        int count = Math.max(Math.max(live.size(), iv.nodeSuccesses().size()), targets.size());
        List<NodeInterval> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            LiveSnapshot.NodeLive n = i < live.size() ? live.get(i) : null;
            long ok = i < iv.nodeSuccesses().size() ? iv.nodeSuccesses().get(i) : -1;
            long failed = i < iv.nodeFailures().size() ? iv.nodeFailures().get(i) : -1;
            if (n == null) {
                String id = i < targets.size() ? targets.get(i) : "node" + i;
                out.add(new NodeInterval(i, id, ok > 0 || failed <= 0, ok, failed, Double.NaN, -1, Double.NaN, Double.NaN));
                continue;
            }
            boolean sampled = n.stats() != null;
            out.add(new NodeInterval(n.index(), n.nodeId(), n.up(), ok, failed,
                    sampled ? n.stats().cpuPercent() : Double.NaN, sampled ? n.stats().memoryBytes() : -1,
                    sampled ? n.netRxBytesPerSec() : Double.NaN, sampled ? n.netTxBytesPerSec() : Double.NaN));
        }
        return out;
    }

    /** The measured intervals so far, oldest first. */
    public List<IntervalRecord> measured() {
        return List.copyOf(measured);
    }

    /** The cell's HdrHistogram log so far; null before the first measured interval. */
    public HlogWriter hlog() {
        return hlog;
    }

    /** {@code <cell>_intervals.csv} in {@code dir}. */
    public static Path csvFile(Path dir, String cellId) {
        return IntervalLogCsv.file(dir, cellId);
    }

    /** {@code <cell>.hlog} in {@code dir}. */
    public static Path hlogFile(Path dir, String cellId) {
        return HlogWriter.file(dir, cellId);
    }

    /** Writes both files (atomically); the faults are placed on the intervals' clock. */
    public void write(Path dir, List<FaultEvent> faults) {
        writeAs(dir, cellId, faults);
    }

    /** As {@link #write}, under another file id (one trial of a repeated cell: {@code <cell>_trial<k>}). */
    public void writeAs(Path dir, String fileId, List<FaultEvent> faults) {
        IntervalLogCsv.write(csvFile(dir, fileId), measured, faults);
        if (hlog != null) hlog.write(hlogFile(dir, fileId));
    }
}
