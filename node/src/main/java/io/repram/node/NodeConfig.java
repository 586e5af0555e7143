package io.repram.node;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A node's settings, read from the same {@code REPRAM_*} variables upstream uses, with upstream's
 * defaults. Extras of this node: {@code REPRAM_PING_INTERVAL} (s) / {@code REPRAM_PING_INTERVAL_MS},
 * {@code REPRAM_BIND_ADDRESS}, {@code REPRAM_EXIT_ON_STDIN_EOF}, {@code REPRAM_BODY_TIMEOUT_MS} and
 * {@code REPRAM_GOSSIP_WINDOW}.
 *
 * @param maxStorageMb      as configured; 0 means "derive the cap from the memory the node has"
 * @param maxStorageBytes   the storage cap in force, on stored bytes (see {@link NodeMemory#defaultCapBytes()})
 * @param bodyTimeoutMillis how long a client may take to send a request body before it is answered 408
 * @param gossipWindowSeconds a gossip PUT whose timestamp is further than this from our clock is refused;
 *                          0 turns the check off
 * @param maxOffHeapBytes   the most direct memory the slabs of keys and values may hold: the off-heap budget
 *                          ({@link NodeMemory#offHeapBudgetBytes()}) under the default cap, 0 (only
 *                          the JVM's own direct-memory limit) when REPRAM_MAX_STORAGE_MB is set
 */
public record NodeConfig(
        String nodeId,
        String address,
        String bindAddress,
        int httpPort,
        int gossipPort,
        String network,
        List<String> peers,
        String enclave,
        int replication,
        int minTtlSeconds,
        int maxTtlSeconds,
        int writeTimeoutSeconds,
        String clusterSecret,
        int rateLimitPerSecond,
        boolean trustProxy,
        int maxStorageMb,
        long maxStorageBytes,
        String logLevel,
        long pingIntervalMillis,
        boolean exitOnStdinEof,
        long bodyTimeoutMillis,
        int gossipWindowSeconds,
        long maxOffHeapBytes) {

    private static final Logger LOG = LoggerFactory.getLogger(NodeConfig.class);
    static final long DEFAULT_BODY_TIMEOUT_MILLIS = 30_000;
    static final int DEFAULT_GOSSIP_WINDOW_SECONDS = 30;

    public NodeConfig {
        peers = List.copyOf(peers);
        clusterSecret = clusterSecret == null ? "" : clusterSecret;
    }

    public boolean signed() {
        return !clusterSecret.isEmpty();
    }

    public static NodeConfig fromEnv(Map<String, String> env) {
        return fromEnv(env, LOG::warn);
    }

    /** @param warn receives one message per variable that was set but unusable */
    public static NodeConfig fromEnv(Map<String, String> env, Consumer<String> warn) {
        return fromEnv(env, warn, NodeMemory.detect());
    }

    /** @param memory the memory the default storage cap is derived from (tests pass a small one) */
    public static NodeConfig fromEnv(Map<String, String> env, Consumer<String> warn, NodeMemory memory) {
        Reader r = new Reader(env);
        int storageMb = r.integer("REPRAM_MAX_STORAGE_MB", 0);
        long budget = memory.offHeapBudgetBytes();
        long storageBytes = storageMb > 0 ? storageMb * 1024L * 1024L : memory.defaultCapBytes();
        if (storageMb > 0 && storageBytes > budget) {
            r.warnings.add("REPRAM_MAX_STORAGE_MB=" + storageMb + " is more than the node's off-heap budget ("
                    + budget / (1024 * 1024) + " MiB: " + memory.machineBytes() / (1024 * 1024) + " MiB of memory less a "
                    + memory.heapMaxBytes() / (1024 * 1024) + " MiB heap and the JVM's own): the node may be killed for"
                    + " memory before it answers 507");
        } else if (storageMb <= 0 && budget * NodeMemory.STORED_SHARE < NodeMemory.MIN_CAP_BYTES) {
            r.warnings.add("No memory left off the heap (" + memory.machineBytes() / (1024 * 1024) + " MiB in all, heap "
                    + memory.heapMaxBytes() / (1024 * 1024) + " MiB): storing at most " + storageBytes / (1024 * 1024)
                    + " MiB; give the node more memory or a smaller -Xmx");
        }
        String address = r.string("REPRAM_ADDRESS", "localhost");
        String network = r.string("REPRAM_NETWORK", "public");
        long pingMillis = env.containsKey("REPRAM_PING_INTERVAL_MS")
                ? r.integer("REPRAM_PING_INTERVAL_MS", 30_000)
                : r.integer("REPRAM_PING_INTERVAL", 30) * 1000L;
        NodeConfig cfg = new NodeConfig(
                r.string("REPRAM_NODE_ID", "node-" + System.nanoTime()),
                address,
                r.string("REPRAM_BIND_ADDRESS", defaultBind(address)),
                r.integer("REPRAM_HTTP_PORT", 8080),
                r.integer("REPRAM_GOSSIP_PORT", 9090),
                network,
                splitPeers(env.getOrDefault("REPRAM_PEERS", "")),
                r.string("REPRAM_ENCLAVE", "default"),
                r.integer("REPRAM_REPLICATION", 3),
                r.integer("REPRAM_MIN_TTL", 300),
                r.integer("REPRAM_MAX_TTL", 86400),
                r.integer("REPRAM_WRITE_TIMEOUT", 5),
                env.getOrDefault("REPRAM_CLUSTER_SECRET", ""),
                r.saturatedInteger("REPRAM_RATE_LIMIT", 100),
                "true".equalsIgnoreCase(env.getOrDefault("REPRAM_TRUST_PROXY", "false").trim()),
                storageMb,
                storageBytes,
                r.string("REPRAM_LOG_LEVEL", "info"),
                Math.max(10, pingMillis),
                "true".equalsIgnoreCase(env.getOrDefault("REPRAM_EXIT_ON_STDIN_EOF", "false").trim()),
                Math.max(1, r.saturatedInteger("REPRAM_BODY_TIMEOUT_MS", (int) DEFAULT_BODY_TIMEOUT_MILLIS)),
                Math.max(0, r.integer("REPRAM_GOSSIP_WINDOW", DEFAULT_GOSSIP_WINDOW_SECONDS)),
                storageMb > 0 ? 0 : Math.max(budget, storageBytes));
        r.warnings.forEach(warn);
        return cfg;
    }

    /** A node advertised on loopback is only reachable locally, so it need not listen elsewhere. */
    private static String defaultBind(String address) {
        return address.equals("localhost") || address.startsWith("127.") ? "127.0.0.1" : "0.0.0.0";
    }

    private static List<String> splitPeers(String raw) {
        return Arrays.stream(raw.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** Collects warnings so they can be logged after parsing (and inspected by tests). */
    static final class Reader {
        private final Map<String, String> env;
        final List<String> warnings = new ArrayList<>();

        Reader(Map<String, String> env) {
            this.env = env;
        }

        String string(String name, String fallback) {
            String v = env.get(name);
            return v == null || v.isBlank() ? fallback : v.trim();
        }

        int integer(String name, int fallback) {
            String v = env.get(name);
            if (v == null || v.isBlank()) {
                return fallback;
            }
            try {
                return Integer.parseInt(v.trim());
            } catch (NumberFormatException e) {
                warnings.add(name + "='" + v + "' is not an integer; using the default " + fallback);
                return fallback;
            }
        }

        /** Like {@link #integer}, but a whole number beyond the int range saturates instead of falling back. */
        int saturatedInteger(String name, int fallback) {
            String v = env.get(name);
            if (v != null && v.trim().matches("[+-]?\\d{10,}")) {
                try {
                    long parsed = Long.parseLong(v.trim());
                    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, parsed));
                } catch (NumberFormatException e) {
                    return v.trim().startsWith("-") ? Integer.MIN_VALUE : Integer.MAX_VALUE;
                }
            }
            return integer(name, fallback);
        }
    }
}
