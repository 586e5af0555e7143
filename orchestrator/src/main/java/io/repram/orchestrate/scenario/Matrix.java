package io.repram.orchestrate.scenario;

import java.util.List;

public record Matrix(List<Integer> clusterSizes, List<Integer> concurrency, List<Integer> payloadBytes) {
    public Matrix {
        clusterSizes = List.copyOf(clusterSizes);
        concurrency = List.copyOf(concurrency);
        payloadBytes = List.copyOf(payloadBytes);
    }

    public int cellCount() {
        return clusterSizes.size() * concurrency.size() * payloadBytes.size();
    }
}
