package io.repram.orchestrate.run;

import io.repram.orchestrate.scenario.Scenario;
import io.repram.orchestrate.scenario.ScenarioException;
import io.repram.orchestrate.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CpuPlanTest {

    private static Scenario scenario(String yaml) {
        return ScenarioLoader.parse(new StringReader(yaml), "t.yaml", "t", w -> { });
    }

    private static List<Integer> cpus(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    @Test
    void twoCoresGiveTheGeneratorOneAndTheNodesShareTheOther() {
        Scenario s = scenario("matrix: {cluster_sizes: [1, 3]}\nload: {isolate: true}\n");
        CpuPlan plan = CpuPlan.of(s, cpus(2));
        assertEquals("0", plan.loadCpuset());
        assertEquals(List.of("1"), plan.nodeCpusets(1, cpus(2)));
        assertEquals(List.of("1", "1", "1"), plan.nodeCpusets(3, cpus(2)));
    }

    @Test
    void manyCoresAreSplitEvenlyWithTheGeneratorCountedAsANode() {
        Scenario s = scenario("matrix: {cluster_sizes: [2, 3]}\nload: {isolate: true}\n");
        // 9 CPUs / (3 + 1) = 2 for the generator; 7 left: 3 + 2 + 2 for 3 nodes, 4 + 3 for 2.
        CpuPlan plan = CpuPlan.of(s, cpus(9));
        assertEquals("0-1", plan.loadCpuset());
        assertEquals(List.of("2-4", "5-6", "7-8"), plan.nodeCpusets(3, cpus(9)));
        assertEquals(List.of("2-5", "6-8"), plan.nodeCpusets(2, cpus(9)));
        // More nodes than CPUs left: round-robin.
        Scenario big = scenario("matrix: {cluster_sizes: [5]}\nload: {isolate: true}\n");
        assertEquals(List.of("1", "2", "1", "2", "1"), CpuPlan.of(big, cpus(3)).nodeCpusets(5, cpus(3)));
    }

    @Test
    void oneCoreIsTooFewAndSaysHowManyAreNeeded() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> CpuPlan.of(scenario("load: {isolate: true}\n"), cpus(1)));
        assertTrue(e.getMessage().contains("load.isolate needs at least 2 CPUs") && e.getMessage().contains("has 1 (0)"),
                e.getMessage());
    }

    @Test
    void aNodeCpusetMustNameCpusOfThisMachine() {
        Scenario s = scenario("node: {cpuset: 1-3}\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> CpuPlan.of(s, cpus(2)));
        assertTrue(e.getMessage().contains("node.cpuset 1-3 names CPU(s) this machine does not have: 2-3; it has 2 (0-1)"),
                e.getMessage());
        CpuPlan fits = CpuPlan.of(s, cpus(4));
        assertNull(fits.loadCpuset());
        assertEquals(List.of("1-3"), fits.nodeCpusets(3, cpus(4)), "one set shared by every node");
    }

    @Test
    void withoutEitherKeyNothingIsPinned() {
        CpuPlan plan = CpuPlan.of(scenario("{}\n"), cpus(2));
        assertNull(plan.loadCpuset());
        assertEquals(List.of(), plan.nodeCpusets(3, cpus(2)));
    }
}
