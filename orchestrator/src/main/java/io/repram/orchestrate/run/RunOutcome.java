package io.repram.orchestrate.run;

import io.repram.orchestrate.results.CellResult;
import io.repram.orchestrate.results.ResultsDir;
import io.repram.orchestrate.scenario.Scenario;

import java.util.List;

/**
 * How a run ended, and where its results are.
 *
 * @param resultsDir the run's directory (the resumed one when resuming)
 * @param cells      every finished cell on disk, those of a resumed run included
 */
public record RunOutcome(Status status, ResultsDir resultsDir, Scenario scenario, List<CellResult> cells) {

    public enum Status {
        /** Every planned cell ran and met its thresholds. */
        FINISHED,
        /** Every planned cell ran; at least one breached a threshold. */
        BREACHED,
        /** Stopped early (q, Ctrl-C); the finished cells are on disk and the run can be resumed. */
        INTERRUPTED,
        /** A resumed run whose every cell was already finished: nothing was started. */
        NOTHING_TO_RUN
    }

    public RunOutcome {
        cells = List.copyOf(cells);
    }
}
