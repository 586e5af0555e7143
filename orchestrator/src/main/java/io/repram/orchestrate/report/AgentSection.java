package io.repram.orchestrate.report;

import io.repram.orchestrate.results.AgentShare;
import io.repram.orchestrate.results.CellResult;

import java.util.List;

/**
 * The "Load agents" section of report.md: per cell, the total offered load and each agent's share,
 * and a plain warning per saturated agent. Empty when no cell used agents.
 */
final class AgentSection {

    private AgentSection() {
    }

    static String render(List<CellResult> results) {
        List<CellResult> distributed = results.stream().filter(r -> !r.agents().isEmpty()).toList();
        if (distributed.isEmpty()) {
            return "";
        }
        StringBuilder t = new StringBuilder("\n\n## Load agents\n\n"
                + "The load came from distributed load agents; their HdrHistograms were merged, so the percentiles "
                + "above are over every agent's requests (not an average of the agents' percentiles). An agent counts as saturated when its CPU averaged 90% or more of the cores it "
                + "may use, or when more than 1% of its requests left over 10 ms after they could have (p99 send "
                + "slip > 10 ms): then the cell measured the agent as much as the cluster.\n\n"
                + "| Cell | Offered load | Agent | Placement | Connections / rate | Requests | req/s | Share "
                + "| CPU avg / peak | Send slip p99 / max ms | Saturated |\n"
                + "|---|---|---|---|---:|---:|---:|---:|---:|---:|---|\n");
        StringBuilder warnings = new StringBuilder();
        for (CellResult r : distributed) {
            String offered = offered(r);
            for (AgentShare a : r.agents()) {
                t.append(Format.text("| %s | %s | %d %s | %s | %s | %s | %s | %s | %.0f%% / %.0f%% of %.1f cores "
                                + "| %.1f / %.1f | %s |%n", r.cell().id(), offered, a.index(), a.id(),
                        a.placement().replace("|", "\\|"), a.offeredRatePerSecond() == null
                                ? a.concurrency() + " conn" : a.offeredRatePerSecond() + " req/s",
                        Format.count(a.requests()), Format.rate(a.requestsPerSec()), Format.percent(a.sharePercent()),
                        a.avgCpuPercent(), a.peakCpuPercent(), a.cpuLimitCores(), a.p99SendSlipMicros() / 1000.0,
                        a.maxSendSlipMicros() / 1000.0, a.saturated() ? "**yes**" : "no"));
                if (a.saturated()) {
                    warnings.append("\n**Warning** (").append(r.cell().id()).append("): ").append(a.warning()).append('.');
                }
            }
        }
        if (warnings.length() > 0) {
            t.append(warnings);
        } else {
            t.append("\nNo agent was saturated.");
        }
        return t.toString().stripTrailing();
    }

    /** What all agents together were asked for: connections (closed loop) or an arrival rate. */
    private static String offered(CellResult r) {
        int connections = r.agents().stream().mapToInt(AgentShare::concurrency).sum();
        boolean open = r.agents().stream().allMatch(a -> a.offeredRatePerSecond() != null);
        String base = r.agents().size() + " agents, " + connections + " connections";
        if (!open) return base + ", closed loop";
        int rate = r.agents().stream().mapToInt(AgentShare::offeredRatePerSecond).sum();
        return base + ", " + rate + " req/s";
    }
}
