package io.repram.orchestrate.results;

import java.util.List;

/**
 * What limited a cell, with the figures that say so (docs/results.md, "What limited each cell").
 *
 * @param verdict  one of the constants below: the first that fired, in the order they are listed
 * @param summary  one sentence naming the verdict and the figures behind it
 * @param also     the other verdicts whose bounds were crossed too, in the same order
 * @param evidence every figure judged, measured or not
 */
public record CellLimit(String verdict, String summary, List<String> also, LimitEvidence evidence) {

    public static final String ERRORS = "errors";
    public static final String NODE_CPU_LIMIT = "node_cpu_limit";
    public static final String HOST_CPU = "host_cpu";
    public static final String LOAD_GENERATOR = "load_generator";
    public static final String NODE_PAUSES = "node_pauses";
    /** None found; the throughput stopped rising with more load, so the cluster's own work (replication) is the limit. */
    public static final String CLUSTER_WORK = "cluster_work";
    /** None found; more load still gave more throughput (or the offered rate was met): below saturation. */
    public static final String BELOW_SATURATION = "below_saturation";
    /** None found, and no earlier step or offered rate to tell the two apart. */
    public static final String NONE_FOUND = "none_found";

    public CellLimit {
        also = also == null ? List.of() : List.copyOf(also);
    }

    /** Whether the whole machine's CPU was near capacity in this cell, as the verdict or alongside it. */
    public boolean hostBound() {
        return HOST_CPU.equals(verdict) || also.contains(HOST_CPU);
    }

    /** The verdict in words, for tables and the dashboard. */
    public static String label(String verdict) {
        return switch (verdict) {
            case ERRORS -> "errors / availability";
            case NODE_CPU_LIMIT -> "node CPU limit";
            case HOST_CPU -> "host CPU";
            case LOAD_GENERATOR -> "load generator";
            case NODE_PAUSES -> "node GC pauses";
            case CLUSTER_WORK -> "cluster's own work";
            case BELOW_SATURATION -> "below saturation";
            default -> "none found";
        };
    }
}
