package io.repram.orchestrate.analysis;

import io.repram.orchestrate.results.RunResults;

import java.util.List;

/**
 * Run B against run A.
 *
 * @param onlyInA     cells of A without a cell of equal parameters in B
 * @param environment differences in cores, image id or driver, which make the figures less comparable
 */
public record Comparison(RunResults runA, RunResults runB, double noisePercent, MinEffect minEffect,
                         List<CellComparison> matched,
                         List<CellKey> onlyInA, List<CellKey> onlyInB, List<String> environment) {

    public Comparison {
        matched = List.copyOf(matched);
        onlyInA = List.copyOf(onlyInA);
        onlyInB = List.copyOf(onlyInB);
        environment = List.copyOf(environment);
    }

    public boolean anyRegression() {
        return matched.stream().anyMatch(CellComparison::regression);
    }

    public List<CellComparison> regressions() {
        return matched.stream().filter(CellComparison::regression).toList();
    }
}
