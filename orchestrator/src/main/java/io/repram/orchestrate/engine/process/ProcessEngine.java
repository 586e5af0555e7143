package io.repram.orchestrate.engine.process;

import io.repram.orchestrate.engine.Reason;
import io.repram.orchestrate.engine.Cluster;
import io.repram.orchestrate.engine.ClusterSpec;
import io.repram.orchestrate.engine.Engine;
import io.repram.orchestrate.engine.EngineException;
import io.repram.orchestrate.engine.EngineDetails;
import io.repram.orchestrate.engine.EnvironmentInfo;
import io.repram.orchestrate.engine.FaultAction;
import io.repram.orchestrate.engine.HealthAnswer;
import io.repram.orchestrate.engine.NetworkMode;
import io.repram.orchestrate.engine.NodeEndpoint;
import io.repram.orchestrate.engine.NodeJarLocation;
import io.repram.orchestrate.engine.NodeProbe;
import io.repram.orchestrate.engine.Placement;
import io.repram.orchestrate.engine.Readiness;
import io.repram.orchestrate.engine.Taskset;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Runs every node as a child JVM ({@code java -jar repram-node.jar}) on free 127.0.0.1 ports: the
 * driver for machines without Docker. Children never outlive the orchestrator: a shutdown hook
 * stops them on a normal exit or Ctrl-C, and each node exits by itself when its stdin pipe from the
 * orchestrator reaches EOF, which the kernel guarantees even when the orchestrator is SIGKILLed.
 */
public final class ProcessEngine implements Engine {
    public static final String NAME = "process";
    private static final Duration DEFAULT_HEALTH_TIMEOUT = Duration.ofSeconds(60);
    /** A node process that exited is noticed on the next poll: checking costs nothing. */
    private static final Readiness NODE_HEALTH = Readiness.every(Duration.ofMillis(100), "the node processes");

    private final Path nodeJar;
    /** On every node's command line, so `cleanup --session` finds exactly this engine's nodes. */
    private final String sessionId = UUID.randomUUID().toString();
    private final Path javaExecutable = NodeCommand.javaExecutable();
    private final ProcFs proc = ProcFs.system();
    private final NodeProbe probe = new NodeProbe();
    private final PortAllocator ports = new PortAllocator();
    private final Map<String, ProcessCluster> clusters = new ConcurrentHashMap<>();
    private final List<Placement> pinned = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AtomicInteger clusterCounter = new AtomicInteger();
    private final Thread shutdownHook = new Thread(this::stopAll, "process-engine-shutdown");
    private Path logDir;
    private boolean hookInstalled;

    /** Uses {@link NodeJarLocation#defaultPath()}. */
    public ProcessEngine() {
        this(NodeJarLocation.defaultPath());
    }

    public ProcessEngine(Path nodeJar) {
        this.nodeJar = nodeJar.toAbsolutePath().normalize();
    }

    @Override
    public String name() {
        return NAME;
    }

    public String sessionId() {
        return sessionId;
    }

    /** Fails with exit code 2 when the node jar has not been built. */
    public void verifyNodeJar() throws EngineException {
        if (!Files.isRegularFile(nodeJar)) {
            throw new EngineException("The node jar " + nodeJar + " does not exist. Fix: build it with: make build",
                    Reason.BAD_INPUT);
        }
    }

    @Override
    public EnvironmentInfo environment() {
        String jvm = System.getProperty("java.vm.name", "Java") + " " + System.getProperty("java.runtime.version",
                Runtime.version().toString());
        long memory = proc.totalMemoryBytes();
        if (memory <= 0) memory = Runtime.getRuntime().maxMemory();
        return new EnvironmentInfo(NAME, jvm, Runtime.getRuntime().availableProcessors(), memory, jarDigest());
    }

    private String jarDigest() {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(nodeJar), sha256)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            return "sha256:" + HexFormat.of().formatHex(sha256.digest());
        } catch (IOException e) {
            return "unavailable (" + nodeJar + ": " + e.getMessage() + ")";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Nodes are processes on 127.0.0.1: "host" is what they always get; CPU pinning needs taskset. */
    @Override
    public void checkPlacement(ClusterSpec spec) throws EngineException {
        if (spec.network() == NetworkMode.BRIDGE) {
            throw new EngineException("node.network bridge needs container nodes; --driver process runs nodes as"
                    + " processes on this machine's 127.0.0.1 (as node.network host does). Fix: remove node.network,"
                    + " or use --driver docker.", Reason.BAD_INPUT);
        }
        if (!spec.nodeCpusets().isEmpty() && !Taskset.available()) {
            throw new EngineException("pinning process nodes to CPUs (node.cpuset, load.isolate) needs the taskset"
                    + " command, which is not on the PATH. Fix: install util-linux (apt-get install util-linux), or"
                    + " use --driver docker.", Reason.BAD_INPUT);
        }
    }

    /** The CPUs of every pinned node, for run.json; null when none was pinned. */
    @Override
    public EngineDetails details() {
        return pinned.isEmpty() ? null : new EngineDetails(List.copyOf(pinned), "/proc of each node process");
    }

    @Override
    public ProcessCluster start(ClusterSpec spec) throws EngineException {
        checkPlacement(spec);
        verifyNodeJar();
        installShutdownHook();
        Path dir = spec.logDir() != null ? keptLogDir(spec.logDir()) : logDir();
        List<Integer> nodePorts = ports.allocate(spec.size(), spec.basePort());
        String clusterId = "process-" + spec.runId() + "-" + clusterCounter.incrementAndGet();
        List<NodeProcess> nodes = new ArrayList<>(spec.size());
        List<NodeEndpoint> endpoints = new ArrayList<>(spec.size());
        for (int i = 0; i < spec.size(); i++) {
            NodeEndpoint endpoint = new NodeEndpoint(i, "node-" + i, "127.0.0.1", nodePorts.get(i));
            NodeCommand command = NodeCommand.forNode(javaExecutable, nodeJar, sessionId, spec, i, nodePorts.get(i), nodePorts.get(0));
            Path log = spec.logDir() != null ? spec.nodeLog(i) : dir.resolve(clusterId + "-node-" + i + ".log");
            nodes.add(new NodeProcess(endpoint, command, log));
            endpoints.add(endpoint);
        }
        ProcessCluster cluster = new ProcessCluster(new Cluster(clusterId, spec, endpoints), nodes, nodePorts, proc, this::stop);
        clusters.put(clusterId, cluster);
        Duration timeout = spec.healthTimeout() != null ? spec.healthTimeout() : DEFAULT_HEALTH_TIMEOUT;
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            // The seed first: the others join through it, so it must answer before they start.
            nodes.get(0).launch();
            awaitHealthy(nodes.subList(0, 1), deadline, timeout);
            for (NodeProcess node : nodes.subList(1, nodes.size())) node.launch();
            awaitHealthy(nodes, deadline, timeout);
            Duration left = Duration.ofNanos(Math.max(deadline - System.nanoTime(), TimeUnit.SECONDS.toNanos(1)));
            probe.awaitClusterReady(endpoints, left, i -> nodes.get(i).tail(30));
            if (!spec.nodeCpusets().isEmpty() && pinned.stream().noneMatch(p -> p.clusterSize() == spec.size())) {
                for (int i = 0; i < spec.size(); i++) {
                    pinned.add(new Placement(clusterId, spec.size(), i, "node-" + i, null, null, null, spec.cpusetOf(i), null));
                }
            }
            return cluster;
        } catch (EngineException | RuntimeException e) {
            stop(cluster);
            throw e;
        }
    }

    /** Waits for /v1/health on every node, failing at once with the log when a node process exits. */
    private void awaitHealthy(List<NodeProcess> nodes, long deadlineNanos, Duration timeout) throws EngineException {
        List<NodeProcess> pending = new ArrayList<>(nodes);
        HealthAnswer[] first = {null};
        NODE_HEALTH.await(deadlineNanos, () -> {
            first[0] = null;
            for (NodeProcess node : List.copyOf(pending)) {
                HealthAnswer answer = probe.health(node.endpoint().baseUri());
                if (answer.healthy()) pending.remove(node);
                else if (first[0] == null) first[0] = answer;
            }
            return pending.isEmpty() ? Optional.empty() : Optional.of(first[0].problem());
        }, () -> pending.stream().filter(node -> !node.alive()).findFirst().map(node -> new EngineException("Node "
                + node.endpoint().nodeId() + " exited during startup. Its last log lines (" + node.logFile() + "):\n"
                + node.tail(30) + "\nFix: check the log above; rebuild the node with: make build", Reason.NODE_UNHEALTHY)),
                missing -> {
                    NodeProcess node = pending.get(0);
                    String what = first[0].answered() ? first[0].problem() + " (still after " + timeout.toSeconds() + " s)"
                            : "did not answer /v1/health within " + timeout.toSeconds() + " s";
                    return new EngineException("Node " + node.endpoint().nodeId() + " (" + node.endpoint().baseUri()
                            + ") " + what + ". Its last log lines (" + node.logFile() + "):\n" + node.tail(30) + "\n"
                            + (first[0].fix() != null ? first[0].fix()
                            : "Fix: give the nodes more time with --health-timeout, or start fewer nodes."),
                            Reason.NODE_UNHEALTHY);
                });
    }

    /** The nodes share the host's loopback network: there is no link of one node to cut. */
    @Override
    public Set<FaultAction> supportedFaults() {
        return EnumSet.complementOf(EnumSet.of(FaultAction.DISCONNECT, FaultAction.RECONNECT));
    }

    @Override
    public void checkPorts(int basePort, int clusterSize) throws EngineException {
        if (basePort > 0) ports.checkFree(basePort, clusterSize);
    }

    /** The caller's directory for node logs, which outlives the engine (the results directory's logs/). */
    private static Path keptLogDir(Path dir) throws EngineException {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new EngineException("Cannot create " + dir + " for the node logs: " + e.getMessage()
                    + ". Fix: check that the results directory is writable.", Reason.ERROR, e);
        }
    }

    /** Stops the cluster's nodes and frees its ports; a cluster stopped already is left alone. */
    private void stop(ProcessCluster cluster) {
        if (clusters.remove(cluster.id()) == null) return;
        cluster.stopNodes();
        ports.release(cluster.ports());
    }

    @Override
    public void close() {
        stopAll();
        synchronized (this) {
            if (hookInstalled) {
                try {
                    Runtime.getRuntime().removeShutdownHook(shutdownHook);
                } catch (IllegalStateException e) {
                    // Already shutting down: the hook is running or has run.
                }
                hookInstalled = false;
            }
            deleteLogDir();
        }
    }

    private void stopAll() {
        for (ProcessCluster pc : List.copyOf(clusters.values())) stop(pc);
    }

    private synchronized void installShutdownHook() {
        if (!hookInstalled) {
            Runtime.getRuntime().addShutdownHook(shutdownHook);
            hookInstalled = true;
        }
    }

    private synchronized Path logDir() throws EngineException {
        if (logDir == null) {
            try {
                logDir = Files.createTempDirectory("repram-process-");
            } catch (IOException e) {
                throw new EngineException("Cannot create a temporary directory for node logs: " + e.getMessage()
                        + ". Fix: set java.io.tmpdir to a writable directory.", Reason.ERROR, e);
            }
        }
        return logDir;
    }

    private void deleteLogDir() {
        if (logDir == null) return;
        try (Stream<Path> files = Files.walk(logDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("process driver: could not remove " + logDir + ": " + e.getMessage());
        }
        logDir = null;
    }
}
