package io.repram.orchestrate.results;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * The content of {@code <N>nodes_<C>conc_<B>bytes.json}: the full cell result, with the headline
 * figures and threshold breaches repeated on top for people reading it with jq.
 *
 * @param successRate  percent of requests that succeeded, 0..100
 * @param lostWrites   the audit's lost writes, null when the cell had no audit
 * @param corruptReads the audit's corrupt reads, null when the cell had no audit
 * @param worstNode    index of the node with the lowest availability, null without per-node figures
 * @param worstNodeAvailabilityPercent that node's availability in percent, null without per-node figures
 */
public record CellFile(
        String cellId,
        String status,
        double requestsPerSec,
        @JsonProperty("success_percent") double successRate,
        Long lostWrites,
        Long corruptReads,
        Integer worstNode,
        Double worstNodeAvailabilityPercent,
        List<Breach> breaches,
        CellResult result) {

    public CellFile {
        breaches = List.copyOf(breaches);
    }

    public static CellFile of(CellResult result, List<Breach> breaches) {
        return new CellFile(result.cell().id(), result.status(), result.load().requestsPerSec(),
                result.load().successRate(), result.audit() == null ? null : result.audit().lostWrites(),
                result.audit() == null ? null : result.audit().corruptReads(),
                result.load().worstNode().map(n -> n.node()).orElse(null),
                result.load().worstNode().map(n -> n.availabilityPercent()).orElse(null), breaches, result);
    }
}
