package io.repram.orchestrate.results;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One fault on a cell's timeline: either applied by the scenario, or undone by the runner after
 * the cell so that the next cell starts on a whole cluster.
 *
 * @param offsetMillis time since the start of the cell's measured window (warm-up excluded) when
 *                     the action began; restorations happen after the window, so theirs is larger
 * @param action       the scenario's spelling: kill, stop, start, restart, pause, unpause, disconnect, reconnect
 * @param origin       {@link #SCENARIO} or {@link #RESTORE}
 * @param error        why the engine could not apply it, or null when {@code ok}
 */
public record FaultEvent(@JsonProperty("offset_ms") long offsetMillis, String action, int nodeIndex, String origin, boolean ok, String error) {

    public static final String SCENARIO = "scenario";
    public static final String RESTORE = "restore";

    /** One line for the event log and the report: {@code kill node 1 at 1.50 s}. */
    public String describe() {
        String what = String.format(java.util.Locale.ROOT, "%s node %d at %.2f s", action, nodeIndex, offsetMillis / 1000.0);
        if (RESTORE.equals(origin)) what = "restore: " + what;
        return ok ? what : what + " failed: " + error;
    }
}
