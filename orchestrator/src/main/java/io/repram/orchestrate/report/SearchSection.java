package io.repram.orchestrate.report;

import io.repram.orchestrate.results.SearchProbe;
import io.repram.orchestrate.results.SearchResult;
import io.repram.orchestrate.scenario.Scenario;
import io.repram.orchestrate.scenario.SearchSpec;
import io.repram.orchestrate.scenario.Threshold;
import io.repram.orchestrate.scenario.Units;

import java.util.List;

/** report.md's section of a search scenario: the found rate of each cell, its sentence and its probe ladder. */
final class SearchSection {

    private SearchSection() {
    }

    static String render(Scenario scenario, List<SearchResult> searches) {
        SearchSpec spec = scenario.search();
        StringBuilder md = new StringBuilder("\n\n## Highest rate within the SLO\n\n");
        if (spec != null) {
            md.append(Format.text("SLO: %s. Each probe offers one constant open-loop rate (latency counted from each "
                            + "request's intended start) for %s of warm-up, not counted, then %s measured. The rate "
                            + "doubles from %,d req/s until a probe fails (or passes %,d req/s), is bisected to %s%%, "
                            + "and the found rate is probed once more. A probe passes when it meets the SLO and gets "
                            + "at least %.0f%% of the offered rate out. The matrix's concurrency is the generator's "
                            + "connection budget, the most requests in flight.%n%n",
                    String.join(", ", spec.slo().stream().map(t -> "`" + t + "`").toList()),
                    Units.formatDuration(spec.warmup()), Units.formatDuration(spec.step()), spec.startRate(),
                    spec.maxRate(), Threshold.formatNumber(spec.resolutionPercent()), 100 * SearchSpec.ACHIEVED_SHARE));
        }
        md.append("| Nodes | Bytes | Connections | Max sustainable req/s | Confirmed | Stopped by | Probes | Took |\n"
                + "|---:|---:|---:|---:|---|---|---:|---:|\n");
        for (SearchResult s : searches) {
            String rate = !s.finished() ? "(unfinished)" : s.maxSustainableRps() == null ? "none"
                    : Format.text("%,d%s", s.maxSustainableRps(), s.lowerBound() ? " (lower bound)" : "");
            md.append(Format.text("| %d | %d | %d | %s | %s | %s | %d | %.0f s |%n", s.clusterSize(), s.payloadBytes(),
                    s.concurrency(), rate, s.confirmed() ? "yes" : "no",
                    s.stoppedBy() == null ? "—" : s.stoppedBy().replace('_', ' '), s.probes().size(),
                    (s.finishedEpochMillis() - s.startedEpochMillis()) / 1000.0));
        }
        md.append('\n');
        for (SearchResult s : searches) {
            if (s.summary() != null) md.append("- ").append(s.summary()).append('\n');
        }
        for (SearchResult s : searches) {
            md.append(Format.text("%n### Probe ladder: %s, %d B%n%n", Format.nodes(s.clusterSize()), s.payloadBytes()))
                    .append("| # | Phase | Offered req/s | Achieved req/s | p50 ms | p99 ms | Success | Result | Why |\n"
                            + "|---:|---|---:|---:|---:|---:|---:|---|---|\n");
            for (SearchProbe p : s.probes()) {
                md.append(Format.text("| %d | %s | %,d | %s | %s | %s | %s | %s | %s |%n", p.number(),
                        p.phase().replace('_', ' '), p.offeredRps(), Format.rate(p.achievedRps()),
                        Format.ms(p.p50Micros() * 1000), Format.ms(p.p99Micros() * 1000),
                        Format.percent(p.successPercent()), p.passed() ? "pass" : "fail (" + p.failedOn() + ")",
                        p.why().replace("|", "\\|")));
            }
        }
        return md.toString().stripTrailing();
    }
}
