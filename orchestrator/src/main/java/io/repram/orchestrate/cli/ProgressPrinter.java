package io.repram.orchestrate.cli;

import io.repram.orchestrate.results.CellResult;
import io.repram.orchestrate.results.LoadFigures;
import io.repram.orchestrate.run.LiveSnapshot;
import io.repram.orchestrate.run.RunDisplay;
import io.repram.orchestrate.scenario.Cell;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Plain progress for CI logs and non-terminal stdout: one line per event, a progress line every
 * {@code everySeconds} while a cell runs (none when it is 0: {@code --quiet}), and one result line
 * per finished cell. A progress line names its phase: warm-up lines give the interval's rate only
 * (warm-up is not counted), measured lines count time and requests from the start of the measured
 * window, both alike.
 */
public final class ProgressPrinter implements RunDisplay {
    private final PrintWriter out;
    private final long everyMillis;
    private long lastPrintedAtMillis;
    private double measuredSeconds;

    public ProgressPrinter(PrintWriter out, int everySeconds) {
        this.out = out;
        this.everyMillis = everySeconds * 1000L;
    }

    @Override
    public void cellStarted(Cell cell, int position, int total) {
        lastPrintedAtMillis = 0;
        measuredSeconds = 0;
        out.printf(Locale.ROOT, "[%d/%d] %s: %d node(s), %d workers, %d-byte values%n",
                position, total, cell.id(), cell.clusterSize(), cell.concurrency(), cell.payloadBytes());
    }

    @Override
    public void live(LiveSnapshot s) {
        // The snapshot's counts cover the measured window only, so its time is summed here the same way.
        if (!s.interval().warmup()) measuredSeconds += s.interval().intervalSeconds();
        if (everyMillis <= 0 || s.cellElapsedMillis() - lastPrintedAtMillis < everyMillis) return;
        lastPrintedAtMillis = s.cellElapsedMillis();
        if (s.interval().warmup()) {
            out.printf(Locale.ROOT, "Warm-up (not counted): %ds into the cell, %.2f req/s in the last interval%n",
                    s.cellElapsedMillis() / 1000, s.interval().requestsPerSec());
            return;
        }
        long failed = s.cellRequests() - s.cellSuccesses();
        out.printf(Locale.ROOT, "Progress, measured %ds: %d requests (%d successful, %d failed), avg %.2f req/s "
                        + "since the measured window began, %.2f req/s in the last interval%n",
                Math.round(measuredSeconds), s.cellRequests(), s.cellSuccesses(), failed,
                measuredSeconds <= 0 ? 0 : s.cellRequests() / measuredSeconds, s.interval().requestsPerSec());
    }

    @Override
    public void cellFinished(CellResult r) {
        LoadFigures f = r.load();
        out.printf(Locale.ROOT, "Result %s: %.1f req/s, %.2f%% success, p50 %.2f ms, p99 %.2f ms, errors %d%s%n",
                r.cell().id(), f.requestsPerSec(), f.successRate(), f.all().p50Nanos() / 1e6,
                f.all().p99Nanos() / 1e6, f.failures(),
                "ok".equals(r.status()) ? "" : " [" + r.status() + ": " + r.statusReason() + "]");
        if (!r.agents().isEmpty()) {
            StringBuilder line = new StringBuilder("Load agents:");
            for (var a : r.agents()) {
                line.append(String.format(Locale.ROOT, " %s %.1f%% (%.1f req/s, CPU %.0f%%%s)", a.id(), a.sharePercent(),
                        a.requestsPerSec(), a.avgCpuPercent(), a.saturated() ? ", SATURATED" : ""));
            }
            out.println(line);
        }
    }

    @Override
    public void event(String message) {
        out.println(message);
    }
}
