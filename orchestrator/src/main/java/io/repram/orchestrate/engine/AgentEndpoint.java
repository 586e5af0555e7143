package io.repram.orchestrate.engine;

import java.net.URI;
import java.util.List;

/**
 * One running load agent as the orchestrator sees it.
 *
 * @param controlUri  where the orchestrator reaches the agent's control API (always loopback here)
 * @param nodeTargets the cluster's node base URLs as the agent reaches them, in node-index order
 *                    (loopback ports for local agents, overlay names for agents inside a swarm)
 * @param placement   where it runs, e.g. "local process 4711" or "swarm node vm (task x.1)"
 * @param cpuLimit    CPU cores the agent may use, or null when unlimited (used by saturation warnings)
 */
public record AgentEndpoint(int index, String id, URI controlUri, List<URI> nodeTargets, String placement,
                            Double cpuLimit) {
    public AgentEndpoint {
        nodeTargets = List.copyOf(nodeTargets);
    }
}
