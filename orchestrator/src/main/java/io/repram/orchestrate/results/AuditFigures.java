package io.repram.orchestrate.results;

import java.util.List;

/**
 * The acknowledged-write audit at the end of a cell: a sample of keys whose PUT was answered 201,
 * read back from every node that stayed healthy through the cell, before their TTL ran out.
 *
 * @param acknowledgedKeys distinct acknowledged keys remembered (a bounded ring of the latest ones)
 * @param checkedKeys      keys of the sample that were still within their TTL and were read
 * @param checkedNodes     the nodes read from: every node no fault touched and that answered
 * @param lostWrites       reads that answered 404 (also after one re-check a second later)
 * @param corruptReads     reads that answered 200 with other bytes than the acknowledged payload
 * @param failedReads      reads that got no answer or an error status; neither lost nor corrupt
 */
public record AuditFigures(
        long acknowledgedKeys,
        long checkedKeys,
        List<Integer> checkedNodes,
        long reads,
        long lostWrites,
        long corruptReads,
        long failedReads) {

    public AuditFigures {
        checkedNodes = List.copyOf(checkedNodes);
    }
}
