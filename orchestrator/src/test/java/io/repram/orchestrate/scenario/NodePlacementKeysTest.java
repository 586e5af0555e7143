package io.repram.orchestrate.scenario;

import io.repram.orchestrate.results.ScenarioJson;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.repram.orchestrate.scenario.ScenarioLoaderTest.failure;
import static io.repram.orchestrate.scenario.ScenarioLoaderTest.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** node.network, node.cpuset and load.isolate: accepted forms, refused ones, and how they combine. */
class NodePlacementKeysTest {

    @Test
    void networkTakesHostOrBridgeAndNothingElse() {
        assertEquals("host", parse("node: {network: host}\n").node().network());
        assertEquals("bridge", parse("node: {network: bridge}\n").node().network());
        assertNull(parse("node: {}\n").node().network(), "absent: the engine chooses");
        ScenarioException e = failure("node: {network: hots}\n");
        assertEquals(List.of("test.yaml:1:17: node.network 'hots' is not allowed; use one of: host, bridge"
                + " (did you mean host?)"), e.problems());
        assertTrue(failure("node: {network: 3}\n").getMessage().contains("use one of: host, bridge"));
    }

    @Test
    void cpusetIsACpuListWrittenInItsShortestForm() {
        assertEquals("1", parse("node: {cpuset: \"1\"}\n").node().cpuset());
        assertEquals("1-3", parse("node: {cpuset: 1-3}\n").node().cpuset());
        assertEquals("0-2,5", parse("node: {cpuset: \"2,0,1,5\"}\n").node().cpuset());
        assertTrue(failure("node: {cpuset: one}\n").getMessage().contains("node.cpuset: 'one' is not a CPU list"));
        assertTrue(failure("node: {cpuset: 3-1}\n").getMessage().contains("the range 3-1 runs backwards"));
        assertTrue(failure("node: {cpuset: \"-1\"}\n").getMessage().contains("not a CPU list"));
    }

    @Test
    void isolateIsABooleanUnderLoad() {
        assertTrue(parse("load: {isolate: true}\n").load().isolate());
        assertFalse(parse("load: {isolate: true}\n").load().distributed(), "isolation alone keeps the in-process generator");
        assertEquals(2, parse("matrix: {concurrency: [4]}\nload: {agents: 2, isolate: true}\n").load().agents());
        assertFalse(parse("load: {agents: 1}\n").load().isolate());
        assertTrue(failure("load: {isolate: yes please}\n").getMessage().contains("load.isolate must be true or false"));
        ScenarioException both = failure("node: {cpuset: \"1\"}\nload: {isolate: true}\n");
        assertTrue(both.getMessage().contains("node.cpuset and load.isolate both place the nodes; give one"), both.getMessage());
    }

    @Test
    void networkFaultsNeedABridge() {
        String faults = "faults:\n  - {at: 10s, action: disconnect, node: 1}\n  - {at: 20s, action: reconnect, node: 1}\n";
        ScenarioException e = failure("node: {network: host}\n" + faults);
        assertTrue(e.getMessage().contains("node.network host cannot take the faults disconnect/reconnect"), e.getMessage());
        assertEquals("bridge", parse(faults).node().network(), "an unset network becomes the bridge the faults need");
        assertNull(parse("faults:\n  - {at: 10s, action: kill, node: 1}\n").node().network());
    }

    @Test
    void theKeysSurviveRunJson() {
        Scenario s = parse("node: {network: host, cpuset: 0-1}\nload: {isolate: false}\n");
        Scenario back = ScenarioJson.fromTree(ScenarioJson.toTree(s), "run.json");
        assertEquals(s.node(), back.node());
        Scenario isolated = parse("load: {isolate: true}\n");
        assertTrue(ScenarioJson.fromTree(ScenarioJson.toTree(isolated), "run.json").load().isolate());
        assertFalse(ScenarioJson.toTree(parse("node: {}\n")).path("node").has("network"),
                "unset keys are left out, so older run.json files stay the same");
    }

    @Test
    void cpuListsParseAndFormat() {
        assertEquals(List.of(0, 2, 3, 4), CpuSet.parse("0,2-4"));
        assertEquals("0,2-4,7", CpuSet.format(List.of(7, 4, 3, 2, 0)));
        assertThrows(IllegalArgumentException.class, () -> CpuSet.parse("0-99999"));
        assertThrows(IllegalArgumentException.class, () -> CpuSet.parse(""));
    }
}
