package io.repram.orchestrate.cli;

import io.repram.orchestrate.engine.RunningCluster;
import io.repram.orchestrate.engine.NodeJarLocation;
import io.repram.orchestrate.engine.ClusterSpec;
import io.repram.orchestrate.engine.EngineException;
import io.repram.orchestrate.engine.NetworkMode;
import io.repram.orchestrate.engine.NodeEndpoint;
import io.repram.orchestrate.run.CpuPlan;
import io.repram.orchestrate.scenario.CpuSet;
import io.repram.orchestrate.scenario.ScenarioDefaults;
import io.repram.orchestrate.engine.docker.DockerAdmin;
import io.repram.orchestrate.engine.docker.DockerCleanup;
import io.repram.orchestrate.engine.docker.DockerEngine;
import io.repram.orchestrate.engine.docker.ImageBuilder;
import io.repram.orchestrate.engine.docker.NodeContainerPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;

/** {@code cluster up/down/ls}: a cluster that stays up after the command, for manual poking. */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = "Start, list and remove clusters that outlive the command.",
        subcommands = {ClusterCommand.Up.class, ClusterCommand.Down.class, ClusterCommand.Ls.class},
        footer = {"%nExamples:%n  repram-orchestrate cluster up --cluster-size 3", "  repram-orchestrate cluster ls"})
public class ClusterCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(System.err);
        return ExitCodes.BAD_INPUT;
    }

    @Command(name = "up", mixinStandardHelpOptions = true,
            description = {"Starts N nodes (node 0 first, then the rest in parallel) on the host's network or one of their own (--network),"
                    + " waits until every node is healthy and sees N-1 peers, prints their 127.0.0.1 URLs and exits,"
                    + " leaving the cluster running."},
            footer = {"%nExamples:%n  repram-orchestrate cluster up --cluster-size 3",
                    "  repram-orchestrate cluster up --cluster-size 7 --base-port 9000",
                    "  repram-orchestrate cluster up --cluster-size 5 -e REPRAM_REPLICATION=5",
                    "  repram-orchestrate cluster up --cluster-size 3 --image my-repram:dev",
                    "  repram-orchestrate cluster up --cluster-size 3 --network bridge --cpuset 1",
                    "%nExit codes: 0 ok, 1 error, 2 bad input, 3 Docker unavailable, 4 port in use,",
                    "  5 node unhealthy, 6 image missing."})
    static class Up implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--cluster-size", paramLabel = "N", description = "Number of nodes (required).")
        Integer clusterSize;

        // The old name, kept working but out of the help: it meant nodes here, ports in doctor, bytes in load.
        @Option(names = "--size", paramLabel = "N", hidden = true)
        Integer legacySize;

        @Option(names = "--base-port", defaultValue = "8080", description = "Node i is published on 127.0.0.1:(P+i)."
                + " Default ${DEFAULT-VALUE}, so a kept cluster has URLs you can type, falling back to free ports when"
                + " taken; given explicitly, a taken port is an error; 0 = any free ports. (`run` defaults to free ports.)")
        int basePort;

        @Option(names = "--image", defaultValue = ImageBuilder.DEFAULT_TAG,
                description = "Any REPRAM-compatible image (default ${DEFAULT-VALUE}, built automatically when missing).")
        String image;

        @Option(names = "--node-jar", paramLabel = "PATH",
                description = "Node jar for building the default image (default: node/target/repram-node.jar in the repository).")
        Path nodeJar;

        @Option(names = "--name", description = "Cluster (run) id used in container names (default: random).")
        String name;

        @Option(names = {"-e", "--env"}, paramLabel = "KEY=VALUE", description = "Extra node environment, repeatable.")
        Map<String, String> env = new LinkedHashMap<>();

        @Option(names = "--cpus", description = "CPU limit per node, e.g. 0.5.")
        Double cpus;

        @Option(names = "--memory", description = "Memory limit per node, e.g. 256m or 1g.")
        String memory;

        @Option(names = "--network", paramLabel = "host|bridge",
                description = "host: each node listens on its own 127.0.0.1 port of this machine (no bridge, no NAT);"
                        + " bridge: a network of the cluster's own, ports published on 127.0.0.1. Default: host for"
                        + " the default image on a local Linux Docker Engine, else bridge.")
        String network;

        @Option(names = "--cpuset", paramLabel = "CPUS",
                description = "CPUs every node may run on, as Docker's --cpuset-cpus: 1, 1-3 or 0,2.")
        String cpuset;

        @Option(names = "--jvm", paramLabel = "fast-start|throughput", defaultValue = "fast-start",
                description = "fast-start (default here): C1 only, nodes healthy sooner, ~30%% less peak throughput;"
                        + " throughput: the image's default (what `run` uses). Applies to the default image only.")
        String jvm;

        @Option(names = "--health-timeout", defaultValue = "60s", paramLabel = "DURATION",
                description = "How long nodes get to become healthy and see their peers, e.g. 90s, 2m"
                        + " (default: ${DEFAULT-VALUE}).")
        Duration healthTimeout;

        @Override
        public Integer call() throws EngineException {
            String runId = name != null ? name : "c" + UUID.randomUUID().toString().substring(0, 6);
            int size = nodes();
            if (basePort < 0 || basePort > 65535) throw new IllegalArgumentException("--base-port must be 0-65535");
            if (healthTimeout.isZero()) throw new IllegalArgumentException("--health-timeout must be above 0");
            NodeContainerPlan.requireValidRunId(runId);
            Long memoryBytes = memory == null ? null : parseBytes(memory);
            if (!jvm.equals("fast-start") && !jvm.equals("throughput")) {
                throw new IllegalArgumentException("--jvm must be fast-start or throughput, was " + jvm);
            }
            if (jvm.equals("fast-start")) env.putIfAbsent("JAVA_TOOL_OPTIONS", ImageBuilder.FAST_START_JAVA_OPTIONS);
            if (network != null && !ScenarioDefaults.NETWORKS.contains(network)) {
                throw new IllegalArgumentException("--network must be one of " + String.join(", ", ScenarioDefaults.NETWORKS)
                        + ", not " + network);
            }
            if (cpuset != null) {
                cpuset = CpuSet.format(CpuSet.parse(cpuset));
                CpuPlan.requireOnHost("--cpuset", cpuset, CpuPlan.hostCpus());
            }
            boolean strict = spec.commandLine().getParseResult().hasMatchedOption("--base-port") && basePort > 0;
            DockerEngine engine = new DockerEngine(new DockerEngine.Options(NodeJarLocation.orDefault(nodeJar), strict, true,
                    Verbosity.of(spec).progress(System.err::println)));
            // Ctrl-C while starting removes the half-started cluster; after detach() close() keeps it.
            Thread hook = new Thread(engine::close, "cluster-up-cleanup");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                long start = System.nanoTime();
                RunningCluster cluster = engine.start(new ClusterSpec(runId, "cluster-up", size, image, env, cpus, memoryBytes,
                        basePort, healthTimeout, null, NetworkMode.of(network), cpuset == null ? List.of() : List.of(cpuset)));
                double seconds = (System.nanoTime() - start) / 1e9;
                engine.detach(cluster);
                System.out.printf(Locale.ROOT, "Cluster %s: %d node(s) healthy in %.1f s%n", runId, size, seconds);
                for (NodeEndpoint n : cluster.nodes()) {
                    System.out.printf("  %-8s %-28s %s%n", n.nodeId(), n.baseUri(),
                            NodeContainerPlan.containerName(runId, n.index()));
                }
                System.out.println("Remove it with: repram-orchestrate cluster down " + runId);
                LastCluster.write(runId).ifPresent(why -> System.err.println("WARN " + why
                        + "; `cluster down` without an id will not know this cluster is yours: name it."));
                return ExitCodes.OK;
            } finally {
                engine.close();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running already
                }
            }
        }

        /** The number of nodes: --cluster-size, or its old name --size. */
        int nodes() {
            Integer n = clusterSize != null ? clusterSize : legacySize;
            if (n == null) {
                throw new IllegalArgumentException("the number of nodes is missing: give --cluster-size N, e.g. --cluster-size 3");
            }
            if (n < 1) throw new IllegalArgumentException("--cluster-size must be at least 1, was " + n);
            return n;
        }

        static long parseBytes(String text) {
            String t = text.trim().toLowerCase(Locale.ROOT);
            long unit = 1;
            char last = t.isEmpty() ? ' ' : t.charAt(t.length() - 1);
            if ("kmg".indexOf(last) >= 0) {
                unit = last == 'k' ? 1L << 10 : last == 'm' ? 1L << 20 : 1L << 30;
                t = t.substring(0, t.length() - 1);
            }
            try {
                long v = Long.parseLong(t) * unit;
                if (v < 6L << 20) throw new IllegalArgumentException("--memory " + text + " is below Docker's minimum of 6m");
                return v;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--memory '" + text + "' is not a size like 256m or 1g");
            }
        }
    }

    @Command(name = "down", mixinStandardHelpOptions = true,
            description = "Removes a cluster made by `cluster up` (containers and network).",
            footer = {"%nWithout CLUSTER it removes the only kept cluster, and only when your last",
                    "`cluster up` made it: with several up, or one someone else made, it lists",
                    "them and exits 2.",
                    "%nExamples:%n  repram-orchestrate cluster down          (your last `cluster up`)",
                    "  repram-orchestrate cluster down c1a2b3",
                    "  repram-orchestrate cluster down --all",
                    "%nExit codes: 0 ok, 2 which cluster is unclear or unknown, 3 Docker unavailable."})
    static class Down implements Callable<Integer> {
        @Parameters(arity = "0..1", paramLabel = "CLUSTER", description = "Cluster id as `cluster ls` shows it.")
        String runId;

        @Option(names = "--all", description = "Remove every cluster made by `cluster up`.")
        boolean all;

        @Override
        public Integer call() throws EngineException {
            try (DockerAdmin docker = DockerAdmin.connect()) {
                List<DockerAdmin.KeptCluster> clusters = docker.keptClusters();
                List<String> targets;
                if (all) {
                    targets = clusters.stream().map(DockerAdmin.KeptCluster::runId).toList();
                } else if (runId != null) {
                    if (clusters.stream().noneMatch(c -> c.runId().equals(runId))) {
                        throw new IllegalArgumentException("no cluster '" + runId + "'. Kept clusters: " + ids(clusters));
                    }
                    targets = List.of(runId);
                } else if (clusters.isEmpty()) {
                    System.out.println("No cluster made by `cluster up` is running.");
                    return ExitCodes.OK;
                } else {
                    targets = List.of(bareDownTarget(clusters.stream().map(DockerAdmin.KeptCluster::runId).toList(),
                            LastCluster.read(), LastCluster.file()));
                }
                for (String id : targets) {
                    DockerCleanup.Removed r = docker.removeKept(id);
                    System.out.println("Removed cluster " + id + ": " + r.containers().size() + " container(s), "
                            + r.networks().size() + " network(s)");
                }
                if (targets.isEmpty()) System.out.println("No cluster made by `cluster up` is running.");
                return ExitCodes.OK;
            }
        }

        /**
         * What a bare {@code cluster down} removes: the one kept cluster, and only when this user's last
         * {@code cluster up} made it; on a shared daemon any other may be someone else's.
         *
         * @throws IllegalArgumentException (exit 2) naming the kept clusters and how to name one
         */
        static String bareDownTarget(List<String> kept, Optional<String> lastUp, Path lastUpFile) {
            String example = lastUp.filter(kept::contains).orElse(kept.get(0));
            String howTo = " Name the one to remove: repram-orchestrate cluster down " + example
                    + (kept.size() > 1 ? " (or --all for every one)." : ".");
            if (kept.size() > 1) {
                throw new IllegalArgumentException("several clusters are up: " + String.join(", ", kept)
                        + (lastUp.isPresent() ? " (your last `cluster up` made " + lastUp.get() + ")" : "") + "." + howTo);
            }
            if (lastUp.isEmpty() || !lastUp.get().equals(kept.get(0))) {
                throw new IllegalArgumentException("the kept cluster " + kept.get(0) + " was not made by your last"
                        + " `cluster up` (" + (lastUp.isPresent() ? "that made " + lastUp.get()
                        : "none is recorded in " + lastUpFile) + "); it may be someone else's." + howTo);
            }
            return kept.get(0);
        }

        private static String ids(List<DockerAdmin.KeptCluster> clusters) {
            return clusters.isEmpty() ? "none" : String.join(", ", clusters.stream().map(DockerAdmin.KeptCluster::runId).toList());
        }
    }

    @Command(name = "ls", mixinStandardHelpOptions = true, description = "Lists clusters made by `cluster up`.",
            footer = {"%nExample:%n  repram-orchestrate cluster ls"})
    static class Ls implements Callable<Integer> {
        @Override
        public Integer call() throws EngineException {
            try (DockerAdmin docker = DockerAdmin.connect()) {
                List<DockerAdmin.KeptCluster> clusters = docker.keptClusters();
                if (clusters.isEmpty()) {
                    System.out.println("No cluster made by `cluster up` is running.");
                    return ExitCodes.OK;
                }
                for (DockerAdmin.KeptCluster c : clusters) {
                    long running = c.nodes().stream().filter(n -> "running".equals(n.state())).count();
                    System.out.printf("%s  %d/%d running%n", c.runId(), running, c.nodes().size());
                    for (DockerAdmin.KeptNode n : c.nodes()) {
                        System.out.printf("  node-%-3d %-28s %-8s %s%n", n.index(),
                                n.hostPort() == null ? "-" : "http://127.0.0.1:" + n.hostPort(), n.state(), n.container());
                    }
                }
                return ExitCodes.OK;
            }
        }
    }
}
