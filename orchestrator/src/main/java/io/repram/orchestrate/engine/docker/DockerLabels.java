package io.repram.orchestrate.engine.docker;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one label scheme on every Docker object this tool creates. Cleanup finds objects by these
 * labels, never by name pattern, so a user's own containers named "repram-..." are never touched.
 */
public final class DockerLabels {
    public static final String PREFIX = "io.repram.orchestrate.";
    public static final String SESSION = PREFIX + "session";
    public static final String RUN = PREFIX + "run";
    public static final String SCENARIO = PREFIX + "scenario";
    public static final String ROLE = PREFIX + "role";
    public static final String NODE_INDEX = PREFIX + "node-index";
    /** Set on clusters made by {@code cluster up}: they outlive the process that made them. */
    public static final String KEEP = PREFIX + "keep";
    public static final String JAR_SHA256 = PREFIX + "jar-sha256";
    /** The 127.0.0.1 port a node answers on: a node on the host's network publishes none to read it from. */
    public static final String HOST_PORT = PREFIX + "host-port";
    /** The node JVM flags baked into the image's entrypoint: a new tool version with other flags rebuilds it. */
    public static final String JVM_FLAGS = PREFIX + "jvm-flags";
    /**
     * "true" on everything of a session that has a reaper container. The start-up sweep only
     * touches such sessions, so a running session of a tool without a reaper is never taken for
     * an orphan.
     */
    public static final String REAPED = PREFIX + "reaped";

    public static final String ROLE_NODE = "node";
    public static final String ROLE_NETWORK = "network";
    public static final String ROLE_IMAGE_BUILD = "image-build";
    public static final String ROLE_REAPER = "reaper";
    /** The swarm driver's loopback gateway into a cluster's overlay network. */
    public static final String ROLE_GATEWAY = "gateway";
    /** Distributed load agents (a swarm service). */
    public static final String ROLE_AGENT = "agent";

    private DockerLabels() {
    }

    /** Labels shared by every object of one cluster. */
    public static Map<String, String> common(String sessionId, String runId, String scenario, String role, boolean keep) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(SESSION, sessionId);
        labels.put(RUN, runId);
        labels.put(SCENARIO, scenario == null || scenario.isBlank() ? "adhoc" : scenario);
        labels.put(ROLE, role);
        if (keep) labels.put(KEEP, "true");
        return labels;
    }

    public static Map<String, String> node(String sessionId, String runId, String scenario, int index, boolean keep) {
        Map<String, String> labels = common(sessionId, runId, scenario, ROLE_NODE, keep);
        labels.put(NODE_INDEX, Integer.toString(index));
        return labels;
    }

    public static Map<String, String> network(String sessionId, String runId, String scenario, boolean keep) {
        return common(sessionId, runId, scenario, ROLE_NETWORK, keep);
    }

    /** Adds the {@link #REAPED} marker when the session has a reaper; returns the same map. */
    public static Map<String, String> reaped(Map<String, String> labels, boolean reaped) {
        if (reaped) labels.put(REAPED, "true");
        return labels;
    }

    /** The "key=value" filters as the services/tasks list calls take them: a map. */
    public static Map<String, String> filterMap(java.util.List<String> labelFilters) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String f : labelFilters) {
            int eq = f.indexOf('=');
            map.put(eq < 0 ? f : f.substring(0, eq), eq < 0 ? "" : f.substring(eq + 1));
        }
        return map;
    }

    /** The label filters that select exactly the objects of a cleanup scope. */
    public static java.util.List<String> filters(io.repram.orchestrate.engine.CleanupScope scope) {
        if (scope.sessionId() != null) return java.util.List.of(filter(SESSION, scope.sessionId()));
        if (scope.keptCluster() != null) return java.util.List.of(filter(KEEP, "true"), filter(RUN, scope.keptCluster()));
        return java.util.List.of(SESSION);
    }

    /** "key=value" form, as the Engine API's label filter takes it. */
    public static String filter(String key, String value) {
        return key + "=" + value;
    }
}
