package io.repram.orchestrate.run;

import io.repram.orchestrate.results.CellResult;

/**
 * A recorded cell (or one trial or search probe of it), and whether its cluster must be replaced
 * before the next one.
 *
 * @param trials the cell's trials when it ran through {@link Runner}'s trial loop; null for one trial
 *               or probe on its own
 */
record CellRun(CellResult result, boolean clusterBroken, IntervalRecorder intervals, TrialLoop trials) {
    CellRun(CellResult result, boolean clusterBroken, IntervalRecorder intervals) {
        this(result, clusterBroken, intervals, null);
    }
}
