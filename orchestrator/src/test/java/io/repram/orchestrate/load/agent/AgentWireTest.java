package io.repram.orchestrate.load.agent;

import com.fasterxml.jackson.databind.JsonNode;
import io.repram.orchestrate.results.LatencySummary;
import io.repram.orchestrate.results.LoadFigures;
import io.repram.orchestrate.results.NodeFigures;
import io.repram.orchestrate.results.ResultsJson;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The agent's report keeps its own format, whatever the results files call the same figures: an
 * agent and a runner of neighbouring versions must understand each other, and the runner merges
 * the agents' exact nanoseconds (results files round them to microseconds).
 */
class AgentWireTest {

    static final LatencySummary LATENCY = new LatencySummary(100, 1_234_567.89, 100_001, 1_000_499, 2_000_001,
            3_000_999, 4_000_001, 123_456_789);
    static final LoadFigures FIGURES = new LoadFigures(100, 99, 1, 70, 30, 10.0, LATENCY, LATENCY, LATENCY,
            Map.of("timeout", 1L), List.of(new NodeFigures(0, "http://127.0.0.1:8080", 100, 99, 1, Map.of(), 10, 9,
                    90.0, List.of(new NodeFigures.Outage(2.0, 1.0)))));

    @Test
    void theResultTravelsInCamelCaseWithExactNanoseconds() throws Exception {
        AgentWire.Result result = new AgentWire.Result(3, AgentWire.State.done, null, FIGURES, "p", "g", "s");
        String json = AgentWire.MAPPER.writeValueAsString(result);
        JsonNode all = AgentWire.MAPPER.readTree(json).path("figures").path("all");
        assertEquals(123_456_789, all.path("maxNanos").asLong(), json);
        assertEquals(1_234_567.89, all.path("meanNanos").asDouble(), json);
        assertFalse(json.contains("_us"), "no results-file names on the wire: " + json);
        assertTrue(json.contains("\"seconds\":1.0") && json.contains("\"elapsedSeconds\":10.0"), json);

        AgentWire.Result back = AgentWire.MAPPER.readValue(json, AgentWire.Result.class);
        assertEquals(FIGURES, back.figures(), "the figures arrive exactly as sent");
    }

    @Test
    void theResultsFilesNameAndRoundTheSameRecordsTheirOwnWay() throws Exception {
        JsonNode all = ResultsJson.mapper().valueToTree(FIGURES).path("all");
        assertEquals(123_457, all.path("max_us").asLong());
        assertFalse(all.has("maxNanos") || all.has("max_nanos"), all.toString());
    }
}
