package io.repram.orchestrate.scenario;

import java.util.List;

/** One cluster size of a run plan: the cluster is started once and runs these cells in order. */
public record ClusterBlock(int clusterSize, List<Cell> cells) {
    public ClusterBlock {
        cells = List.copyOf(cells);
    }
}
