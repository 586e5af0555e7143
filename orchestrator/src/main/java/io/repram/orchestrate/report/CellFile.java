package io.repram.orchestrate.report;

import io.repram.orchestrate.result.CellResult;
import io.repram.orchestrate.scenario.Breach;

import java.util.List;

/**
 * The content of {@code <N>nodes_<C>conc_<B>bytes.json}: the full cell result, with the headline
 * figures and threshold breaches repeated on top for people reading it with jq.
 */
public record CellFile(
        String cellId,
        String status,
        double requestsPerSec,
        double successRate,
        List<Breach> breaches,
        CellResult result) {

    public CellFile {
        breaches = List.copyOf(breaches);
    }

    static CellFile of(CellResult result, List<Breach> breaches) {
        return new CellFile(result.cell().id(), result.status(), result.load().requestsPerSec(),
                result.load().successRate(), breaches, result);
    }
}
