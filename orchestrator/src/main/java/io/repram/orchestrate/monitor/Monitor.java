package io.repram.orchestrate.monitor;

import io.repram.orchestrate.results.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Watches a set of nodes for a bounded time: a tick every second (dashboard, UP/DOWN changes), a
 * CSV row every interval, and the report at the end however it ends (duration, {@link #stop}, interrupt).
 */
public final class Monitor {
    public static final String DIR_PREFIX = "monitoring_";
    private static final DateTimeFormatter DIR_TIME = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");
    private static final long TICK_MILLIS = 1000;
    private static final long FIRST_ROUND_MILLIS = 3000;

    /**
     * @param expectedNodes nodes the health score expects
     */
    public record Options(Duration duration, int intervalSeconds, int expectedNodes) {
        public Options {
            if (duration.toSeconds() < 1) throw new IllegalArgumentException("duration must be at least 1 s, was " + duration);
            if (intervalSeconds < 1) throw new IllegalArgumentException("interval must be at least 1 s, was " + intervalSeconds);
            if (expectedNodes < 1) throw new IllegalArgumentException("expected nodes must be at least 1, was " + expectedNodes);
        }
    }

    /** Where the files went and how it ended. */
    public record Result(Path dir, Path report, int rows, String stopReason) {
    }

    private final Targets.Resolved source;
    private final StatsSource stats;
    private final Options options;
    private final NodeReader reader;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile String stopReason;

    public Monitor(Targets.Resolved source, StatsSource stats, Options options, NodeReader reader) {
        this.source = source;
        this.stats = stats;
        this.options = options;
        this.reader = reader;
    }

    /** Creates {@code parent/monitoring_YYYYMMDD_HHMMSS} (with a suffix if that exists). */
    public static Path createDir(Path parent, LocalDateTime now) throws IOException {
        Files.createDirectories(parent);
        String base = DIR_PREFIX + DIR_TIME.format(now);
        Path dir = parent.resolve(base);
        for (int i = 2; Files.exists(dir); i++) dir = parent.resolve(base + "_" + i);
        return Files.createDirectory(dir);
    }

    /** Ends the monitoring after the current tick; the first reason given is the one reported. Any thread. */
    public void stop(String reason) {
        synchronized (this) {
            if (stopReason == null) stopReason = reason;
        }
        stopped.countDown();
    }

    /** For a shutdown hook: waits until the report is written. */
    public boolean awaitFinished(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Monitors until the duration is over or {@link #stop} is called; writes the CSVs and the report into {@code dir}. */
    public Result run(Path dir, MonitorListener listener) {
        List<MonitorTarget> targets = source.nodes();
        MonitorSummary summary = new MonitorSummary(targets);
        MonitorCsv csv = new MonitorCsv(dir);
        Instant started = Instant.now();
        int rows = 0;
        try (NodePollers pollers = new NodePollers(targets, reader, TICK_MILLIS)) {
            try {
                pollers.awaitFirstRound(FIRST_ROUND_MILLIS);
            } catch (InterruptedException e) {
                stop("interrupted");
            }
            long startNanos = System.nanoTime();
            started = Instant.now();
            Map<Integer, NodeReading> lastSecond = pollers.latest();
            Map<Integer, NodeReading> lastRow = lastSecond;
            long durationSeconds = options.duration().toSeconds();
            long lastRowMillis = 0;
            for (long second = 1; ; second++) {
                boolean stopNow = awaitTick(startNanos + second * TICK_MILLIS * 1_000_000);
                Map<Integer, NodeReading> now = pollers.latest();
                long elapsedMillis = (System.nanoTime() - startNanos) / 1_000_000;
                Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
                Tick tick = Tick.of(at, elapsedMillis, targets, lastSecond, now, stats, options.expectedNodes());
                listener.second(tick, words(summary.second(tick)));
                lastSecond = now;
                boolean over = second >= durationSeconds;
                // Stopped early (q, Ctrl-C): keep the part-interval since the last row, if it is a real one.
                boolean partRow = stopNow && elapsedMillis - lastRowMillis >= TICK_MILLIS;
                if (over || partRow || (!stopNow && second % options.intervalSeconds() == 0)) {
                    writeRow(Tick.of(tick.time(), elapsedMillis, targets, lastRow, now, stats, options.expectedNodes()),
                            csv, summary, listener);
                    rows++;
                    lastRowMillis = elapsedMillis;
                    lastRow = now;
                }
                if (over) stop("duration reached");
                if (over || stopNow) break;
            }
        } finally {
            Instant ended = Instant.now();
            String reason = stopReason == null ? "stopped" : stopReason;
            MonitorReport.Run run = new MonitorReport.Run(source.description(), started, ended, options.duration(),
                    options.intervalSeconds(), options.expectedNodes(), reason);
            AtomicFiles.write(dir.resolve("monitoring_report.md"), MonitorReport.render(run, summary));
            finished.countDown();
        }
        return new Result(dir, dir.resolve("monitoring_report.md"), rows, stopReason);
    }

    /** Sleeps until {@code deadlineNanos}; true when stopped (or interrupted) meanwhile. */
    private boolean awaitTick(long deadlineNanos) {
        try {
            long waitNanos = deadlineNanos - System.nanoTime();
            return waitNanos > 0 ? stopped.await(waitNanos, TimeUnit.NANOSECONDS) : stopped.getCount() == 0;
        } catch (InterruptedException e) {
            stop("interrupted");
            return true;
        }
    }

    private static void writeRow(Tick tick, MonitorCsv csv, MonitorSummary summary, MonitorListener listener) {
        csv.append(tick);
        summary.interval(tick);
        listener.row(tick);
    }

    private static List<String> words(List<MonitorSummary.Change> changes) {
        List<String> out = new ArrayList<>();
        for (MonitorSummary.Change c : changes) {
            out.add(c.node() + (c.up() ? " is UP again" : " is DOWN") + " (+" + c.elapsedMillis() / 1000 + "s)");
        }
        return out;
    }
}
