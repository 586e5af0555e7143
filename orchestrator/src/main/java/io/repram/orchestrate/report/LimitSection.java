package io.repram.orchestrate.report;

import io.repram.orchestrate.results.CellLimit;
import io.repram.orchestrate.results.CellResult;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * report.md's "What limited each cell": per cluster size whether its figures were host-bound, then
 * one sentence per cell with its verdict's evidence. Empty when no cell carries a verdict (results
 * of older versions).
 */
final class LimitSection {

    private LimitSection() {
    }

    static String render(List<CellResult> results) {
        List<CellResult> judged = results.stream().filter(r -> r.limit() != null).toList();
        if (judged.isEmpty()) return "";
        StringBuilder out = new StringBuilder("\n\n### What limited each cell\n\n");
        Map<Integer, List<CellResult>> bySize = judged.stream().collect(Collectors.groupingBy(
                r -> r.cell().clusterSize(), TreeMap::new, Collectors.toList()));
        bySize.forEach((size, cells) -> out.append("- ").append(hostBound(size, cells)).append('\n'));
        out.append('\n');
        for (CellResult r : judged) {
            out.append("- ").append(r.cell().id()).append(": ").append(r.limit().summary());
            if (!r.limit().also().isEmpty()) {
                out.append(" Also: ").append(r.limit().also().stream().map(CellLimit::label)
                        .collect(Collectors.joining(", "))).append('.');
            }
            out.append('\n');
        }
        return out.toString().stripTrailing();
    }

    /** Whether a cluster size's figures describe this machine's CPU rather than the cluster. */
    static String hostBound(int size, List<CellResult> cells) {
        long bound = cells.stream().filter(r -> r.limit().hostBound()).count();
        if (bound == 0) {
            return Format.text("%s: not host-bound; the machine's CPU stayed below its bound in every cell.",
                    Format.nodes(size));
        }
        return Format.text("%s: **host-bound** in %d of %d cells (the machine's CPU was near capacity), so these "
                + "figures describe this machine, not a deployment of the cluster.", Format.nodes(size), bound, cells.size());
    }

    /** The verdict for the cells table; "–" for results without one. */
    static String column(CellResult r) {
        return r.limit() == null ? "–" : CellLimit.label(r.limit().verdict());
    }
}
