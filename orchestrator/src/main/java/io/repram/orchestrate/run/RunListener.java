package io.repram.orchestrate.run;

import io.repram.orchestrate.results.CellResult;
import io.repram.orchestrate.results.IntervalRecord;
import io.repram.orchestrate.results.SearchResult;
import io.repram.orchestrate.scenario.Cell;

/**
 * What a run tells the outside world: the dashboard, the CI progress printer. Called from the
 * runner's thread; implementations must return quickly.
 */
public interface RunListener {

    /** Once, before the first cell: the run's id (its results directory's timestamp). */
    default void runStarted(String runId) {
    }

    default void cellStarted(Cell cell, int position, int total) {
    }

    /** About once a second while a cell runs (warm-up included, flagged in the snapshot). */
    default void live(LiveSnapshot snapshot) {
    }

    /**
     * Each interval as recorded in the cell's per-interval files (warm-up included, flagged),
     * right after {@link #live} for the same interval.
     */
    default void interval(Cell cell, IntervalRecord record) {
    }

    default void cellFinished(CellResult result) {
    }

    /** After each probe of a rate search, the search so far (its probe ladder); once more when it ends. */
    default void searchProgress(SearchResult search) {
    }

    /**
     * The load stopped for a while, {@code why} in a few words ("cooling down 10 s between trials",
     * "starting a 3-node cluster"); the next {@link #live} ends the pause. Lets a display say so instead
     * of showing the last second's figures as if they were still being measured.
     */
    default void paused(String why) {
    }

    /** Something worth a line: cluster start, cooldown, fault, skipped cell. */
    default void event(String message) {
    }
}
