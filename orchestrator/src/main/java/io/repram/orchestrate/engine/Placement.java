package io.repram.orchestrate.engine;

/**
 * Where one node of a cluster ran: the machine (multi-host engines), its CPUs and its network.
 *
 * @param clusterId   the cluster (run id) the node belongs to
 * @param service     the engine's name for the node (e.g. the swarm service name)
 * @param task        the engine's unit that runs it (e.g. the swarm task id)
 * @param hostId      the machine's id in the engine (swarm node id)
 * @param hostname    the machine's hostname
 * @param cpuset      the CPUs the node was pinned to ("1-3"), or null when it was not
 * @param network     how it was networked ("host", "bridge", "overlay"), or null when the engine has none
 */
public record Placement(String clusterId, int clusterSize, int nodeIndex, String service, String task, String hostId,
                        String hostname, String cpuset, String network) {

    public Placement(String clusterId, int clusterSize, int nodeIndex, String service, String task, String hostId,
                     String hostname) {
        this(clusterId, clusterSize, nodeIndex, service, task, hostId, hostname, null, null);
    }

    /** One line for the event log: "node-0 -> vm (7gcqull75wlj), task x". */
    public String describe() {
        String shortId = hostId == null ? "?" : hostId.substring(0, Math.min(12, hostId.length()));
        return "node-" + nodeIndex + " -> " + hostname + " (" + shortId + "), task " + task;
    }
}
