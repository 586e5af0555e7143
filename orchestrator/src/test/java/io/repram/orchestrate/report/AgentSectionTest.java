package io.repram.orchestrate.report;

import io.repram.orchestrate.results.AgentShare;
import io.repram.orchestrate.results.CellResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** report.md's "Load agents" section: offered load, each agent's share, a warning per saturated agent. */
class AgentSectionTest {

    @Test
    void noAgentsNoSection() {
        String md = MarkdownReport.render(MarkdownReport.defaultTemplate(), ResultFixtures.RUN_INFO, ResultFixtures.results());
        assertFalse(md.contains("## Load agents"), md);
    }

    @Test
    void sharesAndSaturationWarningsAreReported() {
        CellResult base = ResultFixtures.cell(0, 3, 10, 1000, 100, 2, 9);
        List<AgentShare> shares = List.of(
                new AgentShare(0, "agent-0", "local process 11", 6000, 600, 60, 5, null, 40, 55, 2, 300, 900, false, null),
                new AgentShare(1, "agent-1", "swarm node b | task x.2", 4000, 400, 40, 5, null, 190, 199, 2, 25_000, 60_000,
                        true, "CPU averaged 190% of 2.0 core(s) (limit = machine)"));
        CellResult r = new CellResult(base.cell(), base.startedEpochMillis(), base.finishedEpochMillis(), base.load(),
                base.peakCpuPercent(), base.peakMemoryBytes(), base.status(), base.statusReason(), List.of(), null, null,
                shares);
        assertEquals(List.of(shares.get(1)), r.saturatedAgents());
        String md = MarkdownReport.render(MarkdownReport.defaultTemplate(), ResultFixtures.RUN_INFO, List.of(r));
        assertTrue(md.contains("## Load agents"), md);
        assertTrue(md.contains("| 2 agents, 10 connections, closed loop | 0 agent-0 | local process 11 | 5 conn |"), md);
        assertTrue(md.contains("swarm node b \\| task x.2"), "a pipe in the placement must not break the table: " + md);
        assertTrue(md.contains("| 6,000 | 600.0 | 60.000% | 40% / 55% of 2.0 cores | 0.3 / 0.9 | no |"), md);
        assertTrue(md.contains("| 25.0 / 60.0 | **yes** |"), md);
        assertTrue(md.contains("**Warning** (" + r.cell().id() + "): Load agent 1 (agent-1, swarm node b | task x.2) "
                + "was saturated: CPU averaged 190% of 2.0 core(s) (limit = machine)"), md);
        assertFalse(md.contains("No agent was saturated"), md);
    }
}
