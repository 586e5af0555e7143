package io.repram.orchestrate.results;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * The acknowledged-write audit at the end of a cell, counted in keys: every key whose PUT was
 * answered 201 during the cell (or a uniform sample of them, see {@code sample}) and whose TTL has
 * not run out, looked up on every node after a settle time for convergence.
 *
 * @param acknowledgedKeys distinct acknowledged keys known to the audit (the whole cell; a sample when sampled)
 * @param checkedKeys      of those, the keys still within their TTL (minus a margin): the ones looked up
 * @param checkedNodes     the nodes that answered the audit; a node a fault touched is audited like any other
 * @param reads            content reads of the byte-for-byte check: a sample of the checked keys, read from
 *                         every node that serves them
 * @param lostWrites       checked keys that no node serves after the settle time
 * @param corruptReads     content reads that answered 200 with other bytes than the acknowledged payload
 * @param failedReads      content reads that got no answer or an error status
 * @param missingReplicas  per node: the checked keys it should serve (every node of the enclave serves every
 *                         key) and does not, with the faults that touched it in the cell
 * @param settleMillis     how long after the load the last look-up was made (the settle time used)
 * @param sample           how the keys were sampled; null when every acknowledged key was checked
 * @param mismatches       the first corrupt reads, each with where and how its bytes differed
 */
public record AuditFigures(
        long acknowledgedKeys,
        long checkedKeys,
        List<Integer> checkedNodes,
        long reads,
        long lostWrites,
        long corruptReads,
        long failedReads,
        List<NodeReplicas> missingReplicas,
        @JsonProperty("settle_ms") long settleMillis,
        Sample sample,
        List<Mismatch> mismatches) {

    public AuditFigures {
        checkedNodes = List.copyOf(checkedNodes);
        missingReplicas = missingReplicas == null ? List.of() : List.copyOf(missingReplicas);
        // Results of versions before mismatches were kept have none.
        mismatches = mismatches == null ? List.of() : List.copyOf(mismatches);
    }

    /** An audit without mismatch details. */
    public AuditFigures(long acknowledgedKeys, long checkedKeys, List<Integer> checkedNodes, long reads,
                        long lostWrites, long corruptReads, long failedReads, List<NodeReplicas> missingReplicas,
                        long settleMillis, Sample sample) {
        this(acknowledgedKeys, checkedKeys, checkedNodes, reads, lostWrites, corruptReads, failedReads,
                missingReplicas, settleMillis, sample, List.of());
    }

    /** An audit without per-node figures (results of older versions, tests). */
    public AuditFigures(long acknowledgedKeys, long checkedKeys, List<Integer> checkedNodes, long reads,
                        long lostWrites, long corruptReads, long failedReads) {
        this(acknowledgedKeys, checkedKeys, checkedNodes, reads, lostWrites, corruptReads, failedReads, List.of(), 0,
                null, List.of());
    }

    /** Missing replicas summed over the nodes. */
    public long missingReplicasTotal() {
        return missingReplicas.stream().mapToLong(NodeReplicas::missing).sum();
    }

    /**
     * One node's part of the audit.
     *
     * @param node    the node's index
     * @param method  how presence was read: {@code listing} (GET /v1/keys), {@code per_key} (a GET per key)
     *                or {@code unreachable} (the node answered nothing: it serves none of the keys)
     * @param missing checked keys the node does not serve
     * @param faults  the scenario's faults on this node in the cell, e.g. {@code pause node 1 at 2.00 s}
     */
    public record NodeReplicas(int node, String method, long missing, List<String> faults) {
        public NodeReplicas {
            faults = faults == null ? List.of() : List.copyOf(faults);
        }
    }

    /**
     * The audit of a uniform sample of the cell's acknowledgements (key ranges too large to track
     * key by key): {@code lostWrites} then counts lost keys of the sample.
     *
     * @param acknowledgements      PUTs answered 201 in the cell
     * @param sampleSize            acknowledgements kept (keys weighted by how often they were acknowledged)
     * @param lostPercent           lost keys in percent of the checked keys
     * @param lostUpper95Percent    the 95% Wilson score upper bound of the lost share, in percent
     */
    public record Sample(long acknowledgements, long sampleSize, double lostPercent, double lostUpper95Percent) {
    }

    /**
     * One corrupt read: node {@code node} served {@code key} with other bytes than were written.
     * A whole value of another length is most often an older value that this replica kept when it
     * missed an overwrite (stress.yaml, 2026-12-02: a node still held a key's 256 KB value from the
     * previous cell after the 1 MB cell's write of it was acknowledged by the others).
     *
     * @param writtenBytes       the length of the acknowledged value
     * @param servedBytes        the length of what the node served
     * @param firstDifferenceByte  the offset of the first byte that differs (the shorter length when one
     *                           value is a prefix of the other)
     */
    public record Mismatch(int node, String key, long writtenBytes, long servedBytes, long firstDifferenceByte) {

        /** The mismatch of {@code served} against {@code written}, or null when they are equal. */
        public static Mismatch of(int node, String key, byte[] written, byte[] served) {
            int at = java.util.Arrays.mismatch(written, served);
            return at < 0 ? null : new Mismatch(node, key, written.length, served.length, at);
        }
    }
}
