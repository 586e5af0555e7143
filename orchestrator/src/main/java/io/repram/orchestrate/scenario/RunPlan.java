package io.repram.orchestrate.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The matrix of a scenario expanded into cells in run order: cluster-size major (each size is
 * started once), then concurrency, then payload size, each in the order the file lists them.
 * Between two cells of one cluster the runner waits {@link #betweenCells()}, between two cluster
 * sizes {@link #betweenClusterSizes()}; there is no cooldown after the last cell or block.
 */
public final class RunPlan {

    private final Scenario scenario;
    private final List<ClusterBlock> blocks;

    private RunPlan(Scenario scenario, List<ClusterBlock> blocks) {
        this.scenario = scenario;
        this.blocks = List.copyOf(blocks);
    }

    public static RunPlan of(Scenario scenario) {
        Matrix m = scenario.matrix();
        List<ClusterBlock> blocks = new ArrayList<>();
        int index = 0;
        for (int size : m.clusterSizes()) {
            List<Cell> cells = new ArrayList<>();
            for (int concurrency : m.concurrency()) {
                for (int payload : m.payloadBytes()) {
                    cells.add(new Cell(index++, size, concurrency, payload));
                }
            }
            blocks.add(new ClusterBlock(size, cells));
        }
        return new RunPlan(scenario, blocks);
    }

    public Scenario scenario() {
        return scenario;
    }

    public List<ClusterBlock> blocks() {
        return blocks;
    }

    /** Every cell in run order. */
    public List<Cell> cells() {
        return blocks.stream().flatMap(b -> b.cells().stream()).toList();
    }

    public int totalCells() {
        return blocks.stream().mapToInt(b -> b.cells().size()).sum();
    }

    public boolean isEmpty() {
        return totalCells() == 0;
    }

    public Duration betweenCells() {
        return scenario.cooldown().betweenScenarios();
    }

    public Duration betweenClusterSizes() {
        return scenario.cooldown().betweenClusterSizes();
    }

    /**
     * Warm-up plus measured window of every cell, plus the cooldowns between them. Cluster start-up
     * and teardown are not included: they depend on the engine and the machine.
     */
    /**
     * One cell: each of its trials' warm-up and window, with the cell cooldown between trials. With an
     * adaptive length or a warm-up until stable, their longest: the estimate is then an upper bound.
     */
    public Duration perCell() {
        int trials = scenario.measurement().repeat();
        return scenario.warmup().plus(scenario.duration()).multipliedBy(trials)
                .plus(betweenCells().multipliedBy(trials - 1));
    }

    public Duration estimatedDuration() {
        Duration total = perCell().multipliedBy(totalCells());
        for (ClusterBlock b : blocks) {
            total = total.plus(betweenCells().multipliedBy(Math.max(0, b.cells().size() - 1)));
        }
        return total.plus(betweenClusterSizes().multipliedBy(Math.max(0, blocks.size() - 1)));
    }

    /**
     * The plan for {@code --resume}: the cells whose ids are in {@code finishedCellIds} are dropped,
     * and so are cluster sizes left with nothing to run. Remaining cells keep their original index.
     */
    public RunPlan withoutFinished(Set<String> finishedCellIds) {
        List<ClusterBlock> left = new ArrayList<>();
        for (ClusterBlock b : blocks) {
            List<Cell> cells = b.cells().stream().filter(c -> !finishedCellIds.contains(c.id())).toList();
            if (!cells.isEmpty()) {
                left.add(new ClusterBlock(b.clusterSize(), cells));
            }
        }
        return new RunPlan(scenario, left);
    }
}
