package io.repram.orchestrate.monitor;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** For CI logs and non-terminal stdout: node changes as they happen and one line per CSV row. */
public final class PlainLines implements MonitorListener {
    private final PrintWriter out;

    public PlainLines(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void second(Tick tick, List<String> events) {
        events.forEach(out::println);
        out.flush();
    }

    @Override
    public void row(Tick tick) {
        StringBuilder down = new StringBuilder();
        for (Tick.NodeTick n : tick.nodes()) {
            if (!n.up()) down.append(down.length() == 0 ? " DOWN: " : ", ").append(n.target().node());
        }
        out.printf(Locale.ROOT, "Monitor: %ds elapsed, %d/%d nodes up, %.2f req/sec, %s items stored, health %.3f%s%n",
                tick.elapsedMillis() / 1000, tick.upNodes(), tick.expectedNodes(), tick.cluster().requestsPerSec(),
                tick.storageItems() < 0 ? "-" : Long.toString(tick.storageItems()), tick.healthScore(), down);
        out.flush();
    }
}
