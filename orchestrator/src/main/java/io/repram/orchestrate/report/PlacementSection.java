package io.repram.orchestrate.report;

import io.repram.orchestrate.engine.EngineDetails;
import io.repram.orchestrate.engine.Placement;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The "Placement" section of report.md: which machine ran each node of each cluster size
 * (multi-host engines), which CPUs each node and the load generator were pinned to, how nodes were
 * networked, and where the resource figures came from. Empty when the engine recorded nothing.
 */
final class PlacementSection {

    private PlacementSection() {
    }

    static String render(EngineDetails details) {
        if (details == null || details.placement().isEmpty() && details.loadCpuset() == null) {
            return "";
        }
        StringBuilder t = new StringBuilder("\n\n## Placement\n\n");
        if (details.statsSource() != null) {
            t.append("Node resources came from: ").append(details.statsSource()).append(".\n\n");
        }
        t.append(details.loadCpuset() != null
                ? "Load generator pinned to CPU(s) " + details.loadCpuset() + " (load.isolate); nodes to the CPUs below.\n\n"
                : "");
        List<Placement> sorted = details.placement().stream()
                .sorted(Comparator.comparingInt(Placement::clusterSize).thenComparingInt(Placement::nodeIndex)).toList();
        if (sorted.isEmpty()) return t.toString();
        boolean machines = sorted.stream().anyMatch(p -> p.hostname() != null);
        if (machines) {
            Map<Integer, Map<String, Long>> perHost = sorted.stream().collect(Collectors.groupingBy(Placement::clusterSize,
                    TreeMap::new, Collectors.groupingBy(PlacementSection::host, TreeMap::new, Collectors.counting())));
            t.append("| Cluster size | Nodes per machine |\n|---:|---|\n");
            perHost.forEach((size, hosts) -> t.append("| ").append(size).append(" | ").append(hosts.entrySet().stream()
                    .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", "))).append(" |\n"));
            t.append("\n| Cluster size | Node | Machine | Machine id | Service | Task |\n|---:|---:|---|---|---|---|\n");
            for (Placement p : sorted) {
                t.append(Format.text("| %d | %d | %s | %s | %s | %s |%n", p.clusterSize(), p.nodeIndex(), host(p),
                        p.hostId() == null ? "?" : p.hostId(), p.service(), p.task()));
            }
        } else {
            t.append("| Cluster size | Node | CPUs | Network |\n|---:|---:|---|---|\n");
            for (Placement p : sorted) {
                t.append(Format.text("| %d | %d | %s | %s |%n", p.clusterSize(), p.nodeIndex(),
                        p.cpuset() == null ? "any" : p.cpuset(), p.network() == null ? "loopback" : p.network()));
            }
        }
        return t.toString();
    }

    private static String host(Placement p) {
        return p.hostname() == null || p.hostname().isBlank() ? "?" : p.hostname();
    }
}
