package io.repram.orchestrate.engine.docker;

import io.repram.orchestrate.engine.ClusterSpec;
import io.repram.orchestrate.engine.NodeEnv;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What one node container looks like: name and environment. Pure, so the env contract (which the
 * upstream Go node reads too) is unit-tested without Docker.
 *
 * @param httpPort the port the node listens on inside the container (REPRAM_HTTP_PORT)
 */
public record NodeContainerPlan(int index, String nodeId, String containerName, int httpPort, Map<String, String> env) {
    public static final int DEFAULT_HTTP_PORT = 8080;
    static final String LOOPBACK = "127.0.0.1";
    private static final Pattern VALID_RUN_ID = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]*");

    public NodeContainerPlan {
        env = Map.copyOf(env);
    }

    public static String containerName(String runId, int index) {
        return "repram-" + runId + "-node-" + index;
    }

    public static String networkName(String runId) {
        return "repram-" + runId + "-net";
    }

    /** Docker names allow only [a-zA-Z0-9][a-zA-Z0-9_.-]; a run id goes into every name. */
    public static void requireValidRunId(String runId) {
        if (runId == null || !VALID_RUN_ID.matcher(runId).matches()) {
            throw new IllegalArgumentException("run id '" + runId + "' is not usable in a Docker name:"
                    + " use letters, digits, '_', '.' or '-', starting with a letter or digit");
        }
    }

    /** One plan per node: node 0 has no peers, every other node bootstraps from node 0. */
    public static List<NodeContainerPlan> of(ClusterSpec spec) {
        requireValidRunId(spec.runId());
        int httpPort = parsePort(spec.env().get("REPRAM_HTTP_PORT"));
        String seed = containerName(spec.runId(), 0) + ":" + httpPort;
        List<NodeContainerPlan> plans = new ArrayList<>(spec.size());
        for (int i = 0; i < spec.size(); i++) {
            String name = containerName(spec.runId(), i);
            Map<String, String> env = new LinkedHashMap<>();
            env.put("REPRAM_NODE_ID", "node-" + i);
            env.put("REPRAM_ADDRESS", name);
            env.put("REPRAM_HTTP_PORT", Integer.toString(httpPort));
            env.put("REPRAM_NETWORK", "private");
            // Upstream's default of 100 req/s per client IP throttles a load test to nothing.
            env.put(NodeEnv.RATE_LIMIT, NodeEnv.UNLIMITED_RATE);
            env.put("REPRAM_PEERS", i == 0 ? "" : seed);
            env.putAll(spec.env());
            plans.add(new NodeContainerPlan(i, env.get("REPRAM_NODE_ID"), name, httpPort, env));
        }
        return plans;
    }

    /** Set by the engine under host networking: the user's values would put nodes on one port or off loopback. */
    static final List<String> HOST_NETWORK_KEYS = List.of("REPRAM_ADDRESS", "REPRAM_BIND_ADDRESS", "REPRAM_HTTP_PORT");

    /**
     * Host networking: node i listens on 127.0.0.1:{@code ports[i]} of this machine and nowhere
     * else (REPRAM_BIND_ADDRESS), and bootstraps from node 0's port, as the process driver does.
     *
     * @throws IllegalArgumentException when the spec's env sets what host networking must own
     */
    public static List<NodeContainerPlan> onHost(ClusterSpec spec, List<Integer> ports) {
        requireValidRunId(spec.runId());
        for (String key : HOST_NETWORK_KEYS) {
            if (spec.env().containsKey(key)) {
                throw new IllegalArgumentException("node.env " + key + " cannot be set with node.network host: each node"
                        + " listens on its own 127.0.0.1 port, which the engine picks. Fix: remove " + key
                        + " (pick ports with --base-port), or use node.network bridge");
            }
        }
        List<NodeContainerPlan> plans = new ArrayList<>(spec.size());
        for (int i = 0; i < spec.size(); i++) {
            Map<String, String> env = new LinkedHashMap<>();
            env.put("REPRAM_NODE_ID", "node-" + i);
            env.put("REPRAM_NETWORK", "private");
            env.put(NodeEnv.RATE_LIMIT, NodeEnv.UNLIMITED_RATE);
            env.put("REPRAM_PEERS", i == 0 ? "" : LOOPBACK + ":" + ports.get(0));
            env.putAll(spec.env());
            env.put("REPRAM_ADDRESS", LOOPBACK);
            env.put("REPRAM_BIND_ADDRESS", LOOPBACK);
            env.put("REPRAM_HTTP_PORT", Integer.toString(ports.get(i)));
            plans.add(new NodeContainerPlan(i, env.get("REPRAM_NODE_ID"), containerName(spec.runId(), i), ports.get(i), env));
        }
        return plans;
    }

    /** The env as Docker takes it: KEY=value strings. */
    public List<String> envList() {
        return env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
    }

    private static int parsePort(String value) {
        if (value == null || value.isBlank()) return DEFAULT_HTTP_PORT;
        try {
            int port = Integer.parseInt(value.trim());
            if (port > 0 && port < 65536) return port;
        } catch (NumberFormatException ignored) {
            // fall through to the error below
        }
        throw new IllegalArgumentException("REPRAM_HTTP_PORT '" + value + "' is not a port number (1-65535)");
    }
}
