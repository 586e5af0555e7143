package io.repram.orchestrate.engine;

/**
 * One object this tool created that a cleanup would remove: a container, network or swarm
 * service, or a process-driver node.
 *
 * @param kind    "container", "network", "swarm service" or "process node"
 * @param name    what the user recognises it by (container name, "node-0 (pid 123)", ...)
 * @param session the session that created it
 * @param run     the run (cluster) id, or "" when the object belongs to no single cluster
 * @param kept    whether it belongs to a cluster kept by {@code cluster up}
 */
public record Leftover(String kind, String name, String session, String run, boolean kept) {
    public Leftover {
        session = session == null ? "" : session;
        run = run == null ? "" : run;
    }
}
