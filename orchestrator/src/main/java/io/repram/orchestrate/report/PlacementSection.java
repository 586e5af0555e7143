package io.repram.orchestrate.report;

import io.repram.orchestrate.engine.EngineDetails;
import io.repram.orchestrate.engine.Placement;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The "Placement" section of report.md for multi-host engines (swarm): which machine ran each node
 * of each cluster size, how many nodes each machine held, and where the resource figures came from.
 * Empty for engines that run everything on this machine.
 */
final class PlacementSection {

    private PlacementSection() {
    }

    static String render(EngineDetails details) {
        if (details == null || details.placement().isEmpty()) {
            return "";
        }
        StringBuilder t = new StringBuilder("\n\n## Placement\n\n");
        if (details.statsSource() != null) {
            t.append("Node resources came from: ").append(details.statsSource()).append(".\n\n");
        }
        List<Placement> sorted = details.placement().stream()
                .sorted(Comparator.comparingInt(Placement::clusterSize).thenComparingInt(Placement::nodeIndex)).toList();
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
        return t.toString();
    }

    private static String host(Placement p) {
        return p.hostname() == null || p.hostname().isBlank() ? "?" : p.hostname();
    }
}
