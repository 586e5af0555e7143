package io.repram.orchestrate.report;

import io.repram.orchestrate.results.AuditFigures;
import io.repram.orchestrate.results.CellResult;
import io.repram.orchestrate.results.NodeFigures;

import java.util.List;
import java.util.stream.Collectors;

/**
 * report.md's per-node sections: each node's attempts, errors and availability, the nodes that
 * were away and for how long, and what the write audit found missing on each node.
 */
final class AvailabilitySection {

    private AvailabilitySection() {
    }

    /** Empty when no cell recorded per-node figures. */
    static String render(List<CellResult> results) {
        List<CellResult> measured = results.stream().filter(r -> !r.load().nodes().isEmpty()).toList();
        if (measured.isEmpty()) {
            return "";
        }
        StringBuilder t = new StringBuilder("\n\n## Node availability\n\n"
                + "Per node, over the measured window: attempts (every request sent, failed connects included), "
                + "successes (2xx), errors, and availability, the share of the window's 1-second intervals in which "
                + "the node answered at least one request successfully.\n\n"
                + "| Cell | Node | Attempts | Successes | Errors | Availability | Unavailable for |\n"
                + "|---|---:|---:|---:|---:|---:|---:|\n");
        for (CellResult r : measured) {
            for (NodeFigures n : r.load().nodes()) {
                // No interval counted: the node got no worker (fewer workers than nodes), so no availability.
                String availability = n.intervals() == 0 && n.attempts() == 0 ? "not sent"
                        : Format.text("%.1f%%", n.availabilityPercent());
                t.append(Format.text("| %s | %d | %s | %s | %s | %s | %.1f s |%n", r.cell().id(), n.node(),
                        Format.count(n.attempts()), Format.count(n.successes()), errors(n), availability,
                        n.unavailableSeconds()));
            }
        }
        List<String> away = measured.stream().map(AvailabilitySection::awayNodes).filter(s -> !s.isEmpty()).toList();
        t.append("\n**Dead or unresponsive nodes (no 2xx for a whole interval):** ").append(away.isEmpty() ? "every node answered in every interval."
                : String.join("; ", away) + ".");
        List<String> uneven = measured.stream().map(AvailabilitySection::unevenNodes).filter(s -> !s.isEmpty()).toList();
        if (!uneven.isEmpty()) {
            t.append(Format.text("%n%n**Uneven load (a node sent under a quarter of an even share of the requests):** "
                    + "%s. Each connection of a closed loop stays with its node, so a node that answers slowly is sent "
                    + "less and the cell's req/s is mostly the other nodes' work: not a balanced cluster's figure. On a "
                    + "full host, a node that its peers' replication left behind looks like this.", String.join("; ", uneven)));
        }
        return t.toString();
    }

    /**
     * Below a quarter of an even share among the nodes that were sent anything (a scenario that
     * targets one node leaves the others at none, by design). Seen: 1,965 of 191,363 requests, 1.0%
     * where an even share is 33.3%, on a full 2-core host; balanced cells here stay above 27%.
     */
    static final double UNEVEN_SHARE_OF_EVEN = 0.25;

    static String unevenNodes(CellResult r) {
        List<NodeFigures> sent = r.load().nodes().stream().filter(n -> n.attempts() > 0).toList();
        long total = sent.stream().mapToLong(NodeFigures::attempts).sum();
        if (sent.size() < 2 || total == 0) return "";
        double even = 100.0 / sent.size();
        List<String> low = sent.stream().filter(n -> 100.0 * n.attempts() / total < UNEVEN_SHARE_OF_EVEN * even)
                .map(n -> Format.text("node %d was sent %s of %s requests, %.1f%% where an even share is %.1f%%",
                        n.node(), Format.count(n.attempts()), Format.count(total), 100.0 * n.attempts() / total, even))
                .toList();
        return low.isEmpty() ? "" : "in " + r.cell().id() + ", " + String.join(", ", low);
    }

    /** The audit's missing replicas per node, with the faults that touched it; empty when none is missing. */
    static String missingReplicas(List<CellResult> results) {
        StringBuilder t = new StringBuilder();
        for (CellResult r : results) {
            AuditFigures a = r.audit();
            if (a == null) continue;
            String missing = a.missingReplicas().stream().filter(m -> m.missing() > 0)
                    .map(m -> Format.text("node %d %s (%s%s)", m.node(), Format.count(m.missing()), m.method(),
                            m.faults().isEmpty() ? "" : "; " + String.join(", ", m.faults())))
                    .collect(Collectors.joining(", "));
            if (!missing.isEmpty()) {
                t.append("\n- ").append(r.cell().id()).append(": missing replicas ").append(missing);
            }
            for (AuditFigures.Mismatch m : a.mismatches()) {
                t.append("\n- ").append(r.cell().id()).append(": ").append(mismatch(m));
            }
            if (a.corruptReads() > a.mismatches().size()) {
                t.append("\n- ").append(r.cell().id()).append(Format.text(": %s more corrupt read(s), not listed",
                        Format.count(a.corruptReads() - a.mismatches().size())));
            }
            if (a.sample() != null) {
                t.append("\n- ").append(r.cell().id()).append(Format.text(": audited a sample of %s of %s "
                        + "acknowledgements; lost %.3f%% of the sampled keys, at most %.3f%% (95%% confidence)",
                        Format.count(a.sample().sampleSize()), Format.count(a.sample().acknowledgements()),
                        a.sample().lostPercent(), a.sample().lostUpper95Percent()));
            }
        }
        return t.length() == 0 ? "" : "\n\n**Per node:**" + t;
    }

    /** One corrupt read, with what its lengths say about its likely cause. */
    private static String mismatch(AuditFigures.Mismatch m) {
        if (m.servedBytes() != m.writtenBytes()) {
            return Format.text("node %d served %s with %s bytes where %s were written (equal up to byte %s): "
                            + "another length, as when a replica missed an overwrite and kept an older value",
                    m.node(), m.key(), Format.count(m.servedBytes()), Format.count(m.writtenBytes()),
                    Format.count(m.firstDifferenceByte()));
        }
        return Format.text("node %d served %s with the written length (%s bytes) but other bytes from byte %s on: "
                + "damaged in the node or on the way", m.node(), m.key(), Format.count(m.writtenBytes()),
                Format.count(m.firstDifferenceByte()));
    }

    private static String errors(NodeFigures n) {
        if (n.errorsByClass().isEmpty()) return "0";
        return Format.count(n.failures()) + " (" + n.errorsByClass().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " " + Format.count(e.getValue())).collect(Collectors.joining(", ")) + ")";
    }

    private static String awayNodes(CellResult r) {
        List<String> nodes = r.load().nodes().stream().filter(n -> !n.outages().isEmpty())
                .map(n -> Format.text("node %d answered nothing for %.1f s (%s)", n.node(), n.unavailableSeconds(),
                        n.outages().stream().map(o -> Format.text("%.1f–%.1f s", o.startSeconds(),
                                o.startSeconds() + o.seconds())).collect(Collectors.joining(", "))))
                .toList();
        return nodes.isEmpty() ? "" : "in " + r.cell().id() + ", " + String.join(", ", nodes);
    }
}
