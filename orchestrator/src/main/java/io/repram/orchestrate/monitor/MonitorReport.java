package io.repram.orchestrate.monitor;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.DoubleStream;

/** Renders {@code monitoring_report.md} from a {@link MonitorSummary}. */
final class MonitorReport {
    private static final int TIMELINE_ROWS = 12;
    private static final double MB = 1024.0 * 1024.0;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    /** How the monitoring went, besides the figures. */
    record Run(String source, Instant started, Instant ended, Duration requested, int intervalSeconds,
               int expectedNodes, String stopReason) {
    }

    private MonitorReport() {
    }

    static String render(Run run, MonitorSummary summary) {
        StringBuilder md = new StringBuilder();
        Duration actual = Duration.between(run.started(), run.ended());
        md.append("# REPRAM monitoring report\n\n");
        md.append("| | |\n|---|---|\n");
        row(md, "Watched", run.source());
        row(md, "Started", CLOCK.format(run.started()));
        row(md, "Duration", seconds(actual) + " of " + seconds(run.requested()) + " requested (" + run.stopReason() + ")");
        row(md, "Rows", "every " + run.intervalSeconds() + " s in the CSVs, " + summary.points().size() + " row(s)");
        row(md, "Expected nodes", Integer.toString(run.expectedNodes()));
        md.append('\n');
        nodes(md, summary);
        requests(md, summary.points());
        health(md, summary.points());
        downs(md, summary);
        md.append("Health score = share of the expected nodes answering /v1/status x share of the interval's requests"
                + " not failed (5xx, 429); 1.000 is a healthy cluster. Requests are client requests as the nodes count"
                + " them in /v1/metrics (the monitor's own polls and gossip excluded); storage is summed over nodes,"
                + " so replicas count on each node that holds them.\n");
        return md.toString();
    }

    private static void nodes(StringBuilder md, MonitorSummary summary) {
        md.append("## Nodes\n\n| Node | Where | UP | CPU avg | CPU peak | Memory avg | Memory peak | Requests | Items |\n")
                .append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        boolean anyStats = false;
        for (MonitorSummary.NodeFigures f : summary.nodes()) {
            anyStats |= f.statsSamples > 0;
            double upShare = f.ticks == 0 ? 0 : 100.0 * f.upTicks / f.ticks;
            md.append(String.format(Locale.ROOT, "| %s | %s | %.0f%% | %s | %s | %s | %s | %s | %s |%n",
                    f.target.node(), f.target.where(), upShare, percent(f.cpuAverage()), percent(f.cpuPeak),
                    mb(f.memoryAverageBytes()), f.memoryPeak < 0 ? "-" : mb(f.memoryPeak)
                            + String.format(Locale.ROOT, " (%.1f%%)", f.memoryPercentPeak),
                    count(f.lastRequests), count(f.lastItems)));
        }
        md.append('\n');
        if (!anyStats) {
            md.append("CPU and memory: `-` = not measured (nodes given by --url run outside Docker's view).\n\n");
        }
    }

    private static void requests(StringBuilder md, List<MonitorSummary.Point> points) {
        md.append("## Requests\n\n");
        double[] rps = points.stream().mapToDouble(MonitorSummary.Point::requestsPerSec).toArray();
        long requests = points.stream().mapToLong(p -> Math.max(p.requests(), 0)).sum();
        long failed = points.stream().mapToLong(p -> Math.max(p.failed(), 0)).sum();
        if (rps.length == 0) {
            md.append("No interval finished: nothing to report.\n\n");
            return;
        }
        md.append(String.format(Locale.ROOT, "- Requests per second: avg %.2f, min %.2f, max %.2f%n",
                DoubleStream.of(rps).average().orElse(0), DoubleStream.of(rps).min().orElse(0),
                DoubleStream.of(rps).max().orElse(0)));
        md.append(String.format(Locale.ROOT, "- Requests while monitoring: %d, failed %d%n", requests, failed));
        MonitorSummary.Point last = points.get(points.size() - 1);
        long peakItems = points.stream().mapToLong(MonitorSummary.Point::storageItems).max().orElse(-1);
        md.append("- Items stored at the end: ").append(count(last.storageItems())).append(" (")
                .append(last.storageBytes() < 0 ? "-" : mb(last.storageBytes())).append("), peak ")
                .append(count(peakItems)).append("\n\n");
    }

    private static void health(StringBuilder md, List<MonitorSummary.Point> points) {
        md.append("## Health score over time\n\n");
        if (points.isEmpty()) {
            md.append("No interval finished.\n\n");
            return;
        }
        double[] h = points.stream().mapToDouble(MonitorSummary.Point::healthScore).toArray();
        md.append(String.format(Locale.ROOT, "Average %.3f, lowest %.3f, at the end %.3f.%n%n",
                DoubleStream.of(h).average().orElse(0), DoubleStream.of(h).min().orElse(0), h[h.length - 1]));
        md.append("| Time | Elapsed | Nodes UP | req/s | Health |\n|---|---:|---:|---:|---:|\n");
        // Evenly spaced rows keep a 30-minute report readable; the lowest point is always shown.
        int step = Math.max(1, (int) Math.ceil(points.size() / (double) TIMELINE_ROWS));
        int lowest = 0;
        for (int i = 1; i < h.length; i++) if (h[i] < h[lowest]) lowest = i;
        for (int i = 0; i < points.size(); i++) {
            if (i % step != 0 && i != lowest && i != points.size() - 1) continue;
            MonitorSummary.Point p = points.get(i);
            md.append(String.format(Locale.ROOT, "| %s | %ds | %d | %.2f | %.3f |%n", CLOCK.format(p.time()),
                    p.elapsedMillis() / 1000, p.upNodes(), p.requestsPerSec(), p.healthScore()));
        }
        md.append('\n');
    }

    private static void downs(StringBuilder md, MonitorSummary summary) {
        md.append("## Nodes that went DOWN\n\n");
        List<MonitorSummary.Change> changes = summary.changes();
        if (changes.isEmpty()) {
            md.append("None: every node answered throughout.\n\n");
            return;
        }
        for (MonitorSummary.Change c : changes) {
            md.append(String.format(Locale.ROOT, "- %s: %s %s at %s (+%ds)%n", c.node(), c.up() ? "back" : "went",
                    c.up() ? "UP" : "DOWN", CLOCK.format(c.time()), c.elapsedMillis() / 1000));
        }
        md.append('\n');
    }

    private static void row(StringBuilder md, String key, String value) {
        md.append("| ").append(key).append(" | ").append(value.replace("|", "\\|")).append(" |\n");
    }

    private static String seconds(Duration d) {
        return d.toMillis() / 1000 + " s";
    }

    private static String percent(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f%%", v);
    }

    private static String mb(double bytes) {
        return Double.isNaN(bytes) ? "-" : String.format(Locale.ROOT, "%.1f MB", bytes / MB);
    }

    private static String count(long v) {
        return v < 0 ? "-" : Long.toString(v);
    }
}
