package io.repram.orchestrate.scenario;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunPlanTest {

    static Scenario scenario(List<Integer> sizes, List<Integer> conc, List<Integer> payloads) {
        return new Scenario("t", "img", new Matrix(sizes, conc, payloads), Duration.ofSeconds(60),
                Duration.ofSeconds(5), new Cooldown(Duration.ofSeconds(10), Duration.ofSeconds(30)),
                ScenarioDefaults.workload(), ScenarioDefaults.node(), Map.of(), List.of());
    }

    @Test
    void expandsClusterSizeMajorInListedOrder() {
        RunPlan plan = RunPlan.of(scenario(List.of(5, 1), List.of(50, 10), List.of(1024, 16)));
        assertEquals(8, plan.totalCells());
        assertEquals(List.of(5, 1), plan.blocks().stream().map(ClusterBlock::clusterSize).toList());
        assertEquals(List.of(
                new Cell(0, 5, 50, 1024), new Cell(1, 5, 50, 16), new Cell(2, 5, 10, 1024), new Cell(3, 5, 10, 16),
                new Cell(4, 1, 50, 1024), new Cell(5, 1, 50, 16), new Cell(6, 1, 10, 1024), new Cell(7, 1, 10, 16)),
                plan.cells());
        assertEquals(plan.cells().subList(0, 4), plan.blocks().get(0).cells());
        assertEquals("5nodes_50conc_1024bytes", plan.cells().get(0).id());
    }

    @Test
    void fullMatrixIs48CellsIn4Blocks() {
        RunPlan plan = RunPlan.of(scenario(List.of(1, 3, 5, 7), List.of(10, 25, 50, 100), List.of(1024, 4096, 16384)));
        assertEquals(48, plan.totalCells());
        assertEquals(4, plan.blocks().size());
        assertTrue(plan.blocks().stream().allMatch(b -> b.cells().size() == 12));
        // 48 x 65 s of load, 4 x 11 cooldowns of 10 s between cells, 3 of 30 s between sizes.
        assertEquals(Duration.ofSeconds(48 * 65 + 44 * 10 + 3 * 30), plan.estimatedDuration());
    }

    @Test
    void singleCellHasNoCooldown() {
        RunPlan plan = RunPlan.of(scenario(List.of(3), List.of(25), List.of(1024)));
        assertEquals(Duration.ofSeconds(65), plan.estimatedDuration());
    }

    @Test
    void resumeDropsFinishedCellsAndEmptyBlocksKeepingIndexes() {
        RunPlan plan = RunPlan.of(scenario(List.of(1, 3), List.of(10), List.of(1024, 4096)));
        RunPlan rest = plan.withoutFinished(Set.of("1nodes_10conc_1024bytes", "1nodes_10conc_4096bytes",
                "3nodes_10conc_1024bytes"));
        assertEquals(1, rest.totalCells());
        assertEquals(List.of(new ClusterBlock(3, List.of(new Cell(3, 3, 10, 4096)))), rest.blocks());
        assertEquals(Duration.ofSeconds(65), rest.estimatedDuration());
        assertTrue(plan.withoutFinished(Set.copyOf(plan.cells().stream().map(Cell::id).toList())).isEmpty());
    }
}
