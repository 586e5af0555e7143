package io.repram.orchestrate.scenario;

import io.repram.orchestrate.scenario.YamlTree.MapNode;
import io.repram.orchestrate.scenario.YamlTree.Node;

import java.util.List;

/**
 * Where node.network, node.cpuset and load.isolate contradict each other or the faults. The
 * host's own CPUs are checked when a run starts (run.CpuPlan), not here: a scenario file is
 * valid on any machine.
 */
final class NodePlacementRules {
    /** Faults that cut a node off its network: host networking has no network of the cluster's to cut. */
    static final List<String> NETWORK_FAULTS = List.of("disconnect", "reconnect");

    private NodePlacementRules() {
    }

    /** The settings to run with: an unset network becomes bridge when a fault needs one. */
    static NodeSettings check(NodeSettings node, LoadSettings load, List<FaultSpec> faults, MapNode top,
                              ValueReader values) {
        boolean networkFaults = faults.stream().anyMatch(f -> NETWORK_FAULTS.contains(f.action()));
        if (networkFaults && "host".equals(node.network())) {
            values.problem(at(top, "node"), "node.network host cannot take the faults disconnect/reconnect: a node "
                    + "on the host's network has no network of its own to leave. Fix: use node.network bridge, or "
                    + "remove those faults");
        }
        if (load.isolate() && node.cpuset() != null) {
            values.problem(at(top, "node"), "node.cpuset and load.isolate both place the nodes; give one. "
                    + "load.isolate picks the nodes' CPUs itself (every CPU but the load generator's)");
        }
        if (networkFaults && node.network() == null) {
            return new NodeSettings(node.env(), node.cpus(), node.memoryBytes(), "bridge", node.cpuset());
        }
        return node;
    }

    private static Node at(MapNode top, String key) {
        return top.entries().containsKey(key) ? top.entries().get(key).value() : top;
    }
}
