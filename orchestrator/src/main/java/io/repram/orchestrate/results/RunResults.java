package io.repram.orchestrate.results;

import io.repram.orchestrate.results.CellResult;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A results directory read back: its run info and every finished cell, in run order.
 *
 * @param searches the rate searches of a scenario with a {@code search:} block (search.json); empty otherwise
 */
public record RunResults(ResultsDir dir, RunInfo runInfo, List<CellResult> cells, List<SearchResult> searches) {

    public RunResults {
        cells = List.copyOf(cells);
        searches = searches == null ? List.of() : List.copyOf(searches);
    }

    /** A run without rate searches. */
    public RunResults(ResultsDir dir, RunInfo runInfo, List<CellResult> cells) {
        this(dir, runInfo, cells, List.of());
    }

    /** Ids of the finished cells, for {@code RunPlan.withoutFinished} on --resume. */
    public Set<String> finishedCellIds() {
        return cells.stream().map(c -> c.cell().id()).collect(Collectors.toUnmodifiableSet());
    }
}
