package io.repram.orchestrate.scenario;

/** One point of the matrix. {@code index} is 0-based in run order. */
public record Cell(int index, int clusterSize, int concurrency, int payloadBytes) {

    /** Stable id used for file names and --resume: {@code 3nodes_25conc_1024bytes}. */
    public String id() {
        return clusterSize + "nodes_" + concurrency + "conc_" + payloadBytes + "bytes";
    }
}
