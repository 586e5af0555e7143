package io.repram.orchestrate.results;

import io.repram.orchestrate.results.CellResult;
import io.repram.orchestrate.results.Breach;

import java.util.List;

/**
 * The content of {@code <N>nodes_<C>conc_<B>bytes.json}: the full cell result, with the headline
 * figures and threshold breaches repeated on top for people reading it with jq.
 *
 * @param lostWrites   the audit's lost writes, null when the cell had no audit
 * @param corruptReads the audit's corrupt reads, null when the cell had no audit
 */
public record CellFile(
        String cellId,
        String status,
        double requestsPerSec,
        double successRate,
        Long lostWrites,
        Long corruptReads,
        List<Breach> breaches,
        CellResult result) {

    public CellFile {
        breaches = List.copyOf(breaches);
    }

    public static CellFile of(CellResult result, List<Breach> breaches) {
        return new CellFile(result.cell().id(), result.status(), result.load().requestsPerSec(),
                result.load().successRate(), result.audit() == null ? null : result.audit().lostWrites(),
                result.audit() == null ? null : result.audit().corruptReads(), breaches, result);
    }
}
