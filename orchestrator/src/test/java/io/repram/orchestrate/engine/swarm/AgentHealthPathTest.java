package io.repram.orchestrate.engine.swarm;

import io.repram.orchestrate.load.agent.AgentApi;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** engine sits below load, so ServiceSpecs spells the agent's status path itself: it must stay the agent's. */
class AgentHealthPathTest {
    @Test
    void theSwarmHealthCheckAsksTheAgentsStatusPath() {
        assertEquals(AgentApi.STATUS, ServiceSpecs.agentProgram("img").healthPath());
    }
}
