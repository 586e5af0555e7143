package io.repram.orchestrate.results;

import io.repram.orchestrate.results.CellResult;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** A results directory read back: its run info and every finished cell, in run order. */
public record RunResults(ResultsDir dir, RunInfo runInfo, List<CellResult> cells) {

    public RunResults {
        cells = List.copyOf(cells);
    }

    /** Ids of the finished cells, for {@code RunPlan.withoutFinished} on --resume. */
    public Set<String> finishedCellIds() {
        return cells.stream().map(c -> c.cell().id()).collect(Collectors.toUnmodifiableSet());
    }
}
