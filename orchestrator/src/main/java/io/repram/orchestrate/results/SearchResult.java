package io.repram.orchestrate.results;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Map;

/**
 * The rate search of one cluster size × payload: every probe so far and, once finished, the highest
 * rate that met the SLO.
 *
 * @param concurrency       the generator's connection budget (most requests in flight)
 * @param slo               metric to expression, as in the scenario: {@code p99_ms -> "<= 20"}
 * @param maxSustainableRps the highest offered rate that met the SLO; null when none did (or not finished)
 * @param lowerBound        the cluster may sustain more: the generator could not offer the next step, or
 *                          the search reached {@code max_rate}
 * @param confirmed         a repeat probe at the found rate met the SLO too
 * @param stoppedBy         why the search went no higher: {@link #LATENCY}, {@link #ERRORS},
 *                          {@link #GENERATOR}, {@link #MAX_RATE}, {@link #NOTHING_PASSED}; null while running
 * @param summary           the outcome in a sentence or two, with the figures
 */
public record SearchResult(
        int clusterSize,
        int concurrency,
        int payloadBytes,
        Map<String, String> slo,
        @JsonProperty("max_sustainable_rps") Integer maxSustainableRps,
        boolean lowerBound,
        boolean confirmed,
        String stoppedBy,
        String summary,
        boolean finished,
        @JsonProperty("started_epoch_ms") long startedEpochMillis,
        @JsonProperty("finished_epoch_ms") long finishedEpochMillis,
        List<SearchProbe> probes) {

    public static final String LATENCY = SearchProbe.LATENCY;
    public static final String ERRORS = SearchProbe.ERRORS;
    public static final String GENERATOR = SearchProbe.GENERATOR;
    public static final String MAX_RATE = "max_rate";
    public static final String NOTHING_PASSED = "nothing_passed";

    public SearchResult {
        slo = Map.copyOf(slo);
        probes = List.copyOf(probes);
    }

    /** The cell id this search stands for, as {@code scenario.Cell#id()} spells it. */
    public String cellId() {
        return clusterSize + "nodes_" + concurrency + "conc_" + payloadBytes + "bytes";
    }
}
