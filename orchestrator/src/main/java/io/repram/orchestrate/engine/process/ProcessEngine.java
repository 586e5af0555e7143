package io.repram.orchestrate.engine.process;

import io.repram.orchestrate.engine.Reason;
import io.repram.orchestrate.engine.Cluster;
import io.repram.orchestrate.engine.ClusterSpec;
import io.repram.orchestrate.engine.Engine;
import io.repram.orchestrate.engine.EngineException;
import io.repram.orchestrate.engine.EnvironmentInfo;
import io.repram.orchestrate.engine.FaultAction;
import io.repram.orchestrate.engine.NodeEndpoint;
import io.repram.orchestrate.engine.NodeJarLocation;
import io.repram.orchestrate.engine.NodeProbe;
import io.repram.orchestrate.engine.NodeStatsSample;

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
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
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
    private static final long GRACEFUL_STOP_MILLIS = 5_000;

    private record ProcessCluster(Cluster cluster, List<NodeProcess> nodes, List<Integer> ports) {
    }

    private final Path nodeJar;
    private final Path javaExecutable = NodeCommand.javaExecutable();
    private final ProcFs proc = ProcFs.system();
    private final NodeProbe probe = new NodeProbe();
    private final PortAllocator ports = new PortAllocator();
    private final Map<String, ProcessCluster> clusters = new ConcurrentHashMap<>();
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

    @Override
    public Cluster start(ClusterSpec spec) throws EngineException {
        verifyNodeJar();
        installShutdownHook();
        Path dir = logDir();
        List<Integer> nodePorts = ports.allocate(spec.size(), spec.basePort());
        String clusterId = "process-" + spec.runId() + "-" + clusterCounter.incrementAndGet();
        List<NodeProcess> nodes = new ArrayList<>(spec.size());
        List<NodeEndpoint> endpoints = new ArrayList<>(spec.size());
        for (int i = 0; i < spec.size(); i++) {
            NodeEndpoint endpoint = new NodeEndpoint(i, "node-" + i, "127.0.0.1", nodePorts.get(i));
            NodeCommand command = NodeCommand.forNode(javaExecutable, nodeJar, spec, i, nodePorts.get(i), nodePorts.get(0));
            nodes.add(new NodeProcess(endpoint, command, dir.resolve(clusterId + "-node-" + i + ".log")));
            endpoints.add(endpoint);
        }
        Cluster cluster = new Cluster(clusterId, spec, endpoints);
        clusters.put(clusterId, new ProcessCluster(cluster, nodes, nodePorts));
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
            return cluster;
        } catch (EngineException | RuntimeException e) {
            stop(cluster);
            throw e;
        }
    }

    /** Waits for /v1/health on every node, failing at once with the log when a node process exits. */
    private void awaitHealthy(List<NodeProcess> nodes, long deadlineNanos, Duration timeout) throws EngineException {
        List<NodeProcess> pending = new ArrayList<>(nodes);
        while (!pending.isEmpty()) {
            for (NodeProcess node : List.copyOf(pending)) {
                if (!node.alive()) {
                    throw new EngineException("Node " + node.endpoint().nodeId() + " exited during startup. Its last log lines ("
                            + node.logFile() + "):\n" + node.tail(30)
                            + "\nFix: check the log above; rebuild the node with: make build", Reason.NODE_UNHEALTHY);
                }
                if (probe.healthy(node.endpoint().baseUri())) pending.remove(node);
            }
            if (pending.isEmpty()) return;
            if (System.nanoTime() > deadlineNanos) {
                NodeProcess node = pending.get(0);
                throw new EngineException("Node " + node.endpoint().nodeId() + " (" + node.endpoint().baseUri()
                        + ") did not answer /v1/health within " + timeout.toSeconds() + " s. Its last log lines:\n"
                        + node.tail(30) + "\nFix: give the nodes more time with --health-timeout, or start fewer nodes.",
                        Reason.NODE_UNHEALTHY);
            }
            sleep(100);
        }
    }

    @Override
    public AutoCloseable sampleStats(Cluster cluster, Consumer<NodeStatsSample> sink) throws EngineException {
        ProcessCluster pc = lookup(cluster);
        Long specLimit = cluster.spec().memoryBytes();
        long limit = specLimit != null ? specLimit : proc.totalMemoryBytes();
        ProcessStatsSampler sampler = new ProcessStatsSampler(cluster.id(), pc.nodes(), proc, limit, sink);
        sampler.start();
        return sampler;
    }

    @Override
    public void fault(Cluster cluster, int nodeIndex, FaultAction action) throws EngineException {
        ProcessCluster pc = lookup(cluster);
        if (nodeIndex < 0 || nodeIndex >= pc.nodes().size()) {
            throw new EngineException("Fault " + action + " targets node " + nodeIndex + ", but the cluster has nodes 0.."
                    + (pc.nodes().size() - 1) + ". Fix: correct the node index in the scenario's faults.", Reason.BAD_INPUT);
        }
        NodeProcess node = pc.nodes().get(nodeIndex);
        switch (action) {
            case KILL -> node.kill();
            case STOP -> node.stopGracefully(GRACEFUL_STOP_MILLIS);
            case START -> node.launch();
            case RESTART -> {
                node.stopGracefully(GRACEFUL_STOP_MILLIS);
                node.launch();
            }
            case PAUSE -> node.pause();
            case UNPAUSE -> node.unpause();
            case DISCONNECT, RECONNECT -> throw new EngineException("The process driver cannot " + action.name().toLowerCase()
                    + " a node: all node processes share the host's loopback network, so one cannot be cut off."
                    + " Fix: run this scenario with --driver docker.", Reason.BAD_INPUT);
        }
    }

    /** The current OS process id of a node, or empty when it is not running. For diagnostics and tests. */
    public OptionalLong nodePid(Cluster cluster, int nodeIndex) throws EngineException {
        return lookup(cluster).nodes().get(nodeIndex).handle()
                .map(h -> OptionalLong.of(h.pid())).orElse(OptionalLong.empty());
    }

    @Override
    public String logs(Cluster cluster, int nodeIndex, int tailLines) {
        ProcessCluster pc = clusters.get(cluster.id());
        if (pc == null || nodeIndex < 0 || nodeIndex >= pc.nodes().size()) {
            return "(no log for node " + nodeIndex + " of cluster " + cluster.id() + ")";
        }
        return pc.nodes().get(nodeIndex).tail(tailLines);
    }

    @Override
    public void stop(Cluster cluster) {
        ProcessCluster pc = clusters.remove(cluster.id());
        if (pc == null) return;
        stopNodes(pc.nodes());
        ports.release(pc.ports());
    }

    /** Asks all nodes at once, then waits one shared grace period, then kills the stragglers. */
    private static void stopNodes(List<NodeProcess> nodes) {
        for (NodeProcess node : nodes) node.requestStop();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GRACEFUL_STOP_MILLIS);
        for (NodeProcess node : nodes) node.awaitExit(deadline);
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
        for (ProcessCluster pc : List.copyOf(clusters.values())) stop(pc.cluster());
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

    private ProcessCluster lookup(Cluster cluster) throws EngineException {
        ProcessCluster pc = clusters.get(cluster.id());
        if (pc == null) {
            throw new EngineException("Cluster " + cluster.id() + " is not running in this process engine"
                    + " (it was stopped, or started by another engine).", Reason.ERROR);
        }
        return pc;
    }

    private static void sleep(long millis) throws EngineException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("Interrupted while starting the cluster.", Reason.INTERRUPTED, e);
        }
    }
}
