package io.repram.orchestrate.engine;

/**
 * Where one node of a cluster runs on a multi-host engine.
 *
 * @param clusterId   the cluster (run id) the node belongs to
 * @param service     the engine's name for the node (e.g. the swarm service name)
 * @param task        the engine's unit that runs it (e.g. the swarm task id)
 * @param hostId      the machine's id in the engine (swarm node id)
 * @param hostname    the machine's hostname
 */
public record Placement(String clusterId, int clusterSize, int nodeIndex, String service, String task, String hostId, String hostname) {
    /** One line for the event log: "node-0 -> vm (7gcqull75wlj), task x". */
    public String describe() {
        String shortId = hostId == null ? "?" : hostId.substring(0, Math.min(12, hostId.length()));
        return "node-" + nodeIndex + " -> " + hostname + " (" + shortId + "), task " + task;
    }
}
