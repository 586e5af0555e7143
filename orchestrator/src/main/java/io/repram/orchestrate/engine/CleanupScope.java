package io.repram.orchestrate.engine;

/**
 * Which of this tool's leftovers a cleanup may touch: everything, one session's objects, or one
 * cluster kept by {@code cluster up}. At most one of the two is set.
 *
 * @param sessionId   only objects of this session (every engine instance has one), or null
 * @param keptCluster only the objects of this kept cluster (its run id), or null
 */
public record CleanupScope(String sessionId, String keptCluster) {
    public CleanupScope {
        if (sessionId != null && keptCluster != null) {
            throw new IllegalArgumentException("a cleanup scope is a session or a kept cluster, not both");
        }
    }

    public static CleanupScope everything() {
        return new CleanupScope(null, null);
    }

    public static CleanupScope session(String sessionId) {
        return new CleanupScope(sessionId, null);
    }

    public static CleanupScope keptCluster(String runId) {
        return new CleanupScope(null, runId);
    }

    public boolean isEverything() {
        return sessionId == null && keptCluster == null;
    }

    /** "session S", "kept cluster C" or "every session", for messages. */
    public String describe() {
        if (sessionId != null) return "session " + sessionId;
        if (keptCluster != null) return "kept cluster " + keptCluster;
        return "every session";
    }
}
