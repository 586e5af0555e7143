package io.repram.orchestrate.engine.process;

import io.repram.orchestrate.engine.ClusterSpec;
import io.repram.orchestrate.engine.Executables;
import io.repram.orchestrate.engine.NodeEnv;
import io.repram.orchestrate.engine.docker.ImageBuilder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The command line and environment of one node JVM. */
record NodeCommand(List<String> command, Map<String, String> env) {

    /**
     * JVM flags as in the Docker image (ImageBuilder.JVM_FLAGS, which says why): G1 untuned, a heap
     * of a quarter of the node's memory, the JDK's direct-memory limit lifted so the node's own
     * storage cap bounds its off-heap values.
     */
    static final List<String> BASE_JVM_FLAGS = List.of(
            "-XX:+UseG1GC",
            "-XX:MaxRAMPercentage=25",
            "-XX:MaxDirectMemorySize=" + ImageBuilder.UNBOUNDED_DIRECT_MEMORY,
            "-Xss256k",
            // No /tmp/hsperfdata file per node; jcmd/jstack by pid still work.
            "-XX:-UsePerfData",
            "-XX:+ExitOnOutOfMemoryError",
            "-Dfile.encoding=UTF-8");

    /**
     * System properties on every node's command line (the node ignores them): they let
     * {@code cleanup} find a session's node processes by their arguments, as Docker objects are
     * found by their labels.
     */
    /** Below this a JVM with a heap of a quarter of it does not start Jetty. */
    static final long MIN_MEMORY_BYTES = 128L * 1024 * 1024;

    static final String SESSION_PROPERTY = "-Drepram.orchestrate.session=";
    static final String RUN_PROPERTY = "-Drepram.orchestrate.run=";
    static final String NODE_PROPERTY = "-Drepram.orchestrate.node=";

    /** util-linux's taskset: runs a command on the CPUs given (sched_setaffinity). */
    static final String TASKSET = "taskset";

    /**
     * util-linux's setsid: the node in a session of its own. With the kernel's autogroup (on in
     * Debian's and most distributions' kernels) a session is a CPU scheduling group, as a
     * container's cgroup is, so nodes share the CPUs the way containers and services do. With all
     * nodes in one group (the orchestrator's, as before) a 3-node cluster on 2 cores did 10.7-11.5k
     * req/s at 3.5-3.8 context switches a request; with a group per node, as Docker gives, 6.8-7.1k
     * at 14-16 (node/bench/sched-groups.sh, 2026-12-02, 4 rounds, ratio 0.60-0.66). The shared
     * group made the process driver look about 1.5 times as fast as Docker for a reason no
     * deployment has.
     * setsid execs the command in place (the child is no group leader), so the node keeps the pid;
     * --wait covers the case where it must fork.
     */
    static final List<String> OWN_SESSION = List.of("setsid", "--wait");
    private static final boolean SETSID = Executables.onPath("setsid");

    NodeCommand {
        command = List.copyOf(command);
        env = Map.copyOf(env);
    }

    static NodeCommand forNode(Path javaExecutable, Path nodeJar, String sessionId, ClusterSpec spec, int index, int port,
                               int seedPort) {
        List<String> cmd = new ArrayList<>();
        if (SETSID) cmd.addAll(OWN_SESSION);
        String cpuset = spec.cpusetOf(index);
        if (cpuset != null) {
            // taskset execs the JVM, so the node keeps the pid (and the arguments cleanup looks for).
            cmd.addAll(List.of(TASKSET, "-c", cpuset));
        }
        cmd.add(javaExecutable.toString());
        cmd.addAll(BASE_JVM_FLAGS);
        cmd.add(SESSION_PROPERTY + sessionId);
        cmd.add(RUN_PROPERTY + spec.runId());
        cmd.add(NODE_PROPERTY + "node-" + index);
        if (spec.memoryBytes() != null) {
            // The whole node's budget, as a container limit is for the image: the JVM sizes its heap
            // from it (MaxRAMPercentage) and the node takes it as its memory, giving what the heap
            // and the JVM leave to the off-heap store. Not enforced, as Docker's --memory is.
            cmd.add("-XX:MaxRAM=" + Math.max(spec.memoryBytes(), MIN_MEMORY_BYTES));
        }
        if (spec.cpus() != null) {
            // Not a hard limit like Docker's --cpus (that needs cgroups); it sizes the node's
            // thread pools and GC as if it had that many cores.
            cmd.add("-XX:ActiveProcessorCount=" + Math.max(1, (int) Math.ceil(spec.cpus())));
        }
        cmd.add("-jar");
        cmd.add(nodeJar.toAbsolutePath().toString());

        Map<String, String> env = new LinkedHashMap<>();
        env.put("REPRAM_NODE_ID", "node-" + index);
        env.put("REPRAM_ADDRESS", "127.0.0.1");
        env.put("REPRAM_HTTP_PORT", Integer.toString(port));
        env.put("REPRAM_NETWORK", "private");
        env.put(NodeEnv.RATE_LIMIT, NodeEnv.UNLIMITED_RATE);
        if (index > 0) env.put("REPRAM_PEERS", "127.0.0.1:" + seedPort);
        // The node exits when its stdin reaches EOF: the orchestrator holds the write end and never
        // writes, so the kernel closes it when the orchestrator dies, even by SIGKILL.
        env.put("REPRAM_EXIT_ON_STDIN_EOF", "true");
        env.putAll(spec.env());
        return new NodeCommand(cmd, env);
    }

    /**
     * The running JVM's own java binary, so nodes run on the same Java as the orchestrator;
     * falls back to java.home and then $JAVA_HOME.
     */
    static Path javaExecutable() {
        String command = ProcessHandle.current().info().command().orElse(null);
        if (command != null) {
            Path path = Path.of(command);
            if (path.getFileName().toString().equals("java") && Files.isExecutable(path)) return path;
        }
        Path fromHome = Path.of(System.getProperty("java.home"), "bin", "java");
        if (Files.isExecutable(fromHome)) return fromHome;
        String javaHome = System.getenv("JAVA_HOME");
        return javaHome != null ? Path.of(javaHome, "bin", "java") : Path.of("java");
    }
}
