package io.repram.orchestrate.run;

import io.repram.orchestrate.results.CellResult;
import io.repram.orchestrate.scenario.Cell;

/**
 * What a run tells the outside world: the dashboard, the CI progress printer. Called from the
 * runner's thread; implementations must return quickly.
 */
public interface RunListener {

    default void cellStarted(Cell cell, int position, int total) {
    }

    /** About once a second while a cell runs (warm-up included, flagged in the snapshot). */
    default void live(LiveSnapshot snapshot) {
    }

    default void cellFinished(CellResult result) {
    }

    /** Something worth a line: cluster start, cooldown, fault, skipped cell. */
    default void event(String message) {
    }
}
