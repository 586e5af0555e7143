package io.repram.orchestrate.load.agent;

import io.repram.orchestrate.engine.Reason;
import io.repram.orchestrate.engine.AgentEndpoint;
import io.repram.orchestrate.engine.AgentLauncher;
import io.repram.orchestrate.engine.Cluster;
import io.repram.orchestrate.engine.EngineException;
import io.repram.orchestrate.engine.NodeEndpoint;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load agents as child JVMs on this machine, running the orchestrator's own code
 * ({@code Main agent --port 0 --bind 127.0.0.1 --exit-on-stdin-eof}). Each child exits when its
 * stdin pipe closes, so none outlives the orchestrator, even a kill -9 of it; close() and a
 * shutdown hook stop them in the ordinary case.
 */
public final class LocalAgentLauncher implements AgentLauncher {

    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");
    static final List<String> JVM_FLAGS = List.of("-Xms128m", "-Xmx512m", "-Xss256k", "-XX:-UsePerfData",
            "-XX:+ExitOnOutOfMemoryError", "-Dfile.encoding=UTF-8");

    private final List<Process> processes = new ArrayList<>();
    private final List<OutputStream> stdins = new ArrayList<>();
    private final Thread hook = new Thread(this::killAll, "agent-launcher-shutdown");
    private Path logDir;

    public LocalAgentLauncher() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Override
    public String name() {
        return "process";
    }

    @Override
    public synchronized List<AgentEndpoint> start(Cluster cluster, int count, java.time.Duration timeout)
            throws EngineException {
        List<URI> nodes = cluster.nodes().stream().map(NodeEndpoint::baseUri).toList();
        List<AgentEndpoint> endpoints = new ArrayList<>();
        try {
            if (logDir == null) logDir = Files.createTempDirectory("repram-agents-");
            List<Path> logs = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Path log = logDir.resolve("agent-" + (processes.size()) + ".log");
                logs.add(log);
                launch("agent-" + i, log);
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            int first = processes.size() - count;
            for (int i = 0; i < count; i++) {
                Process p = processes.get(first + i);
                URI control = awaitListening(p, logs.get(i), deadline);
                AgentEndpoint endpoint = new AgentEndpoint(i, "agent-" + i, control, nodes, "local process " + p.pid(), null);
                // The health check: the control API answers and the agent is free for a plan.
                new AgentClient(java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1)
                        .build(), endpoint).status();
                endpoints.add(endpoint);
            }
        } catch (IOException e) {
            close();
            throw new EngineException("Cannot start local load agents: " + e.getMessage()
                    + ". Fix: check that Java can run and the temp directory is writable.", Reason.ERROR, e);
        } catch (EngineException e) {
            close();
            throw e;
        }
        return endpoints;
    }

    private void launch(String id, Path log) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaExecutable());
        cmd.addAll(JVM_FLAGS);
        cmd.add("-cp");
        cmd.add(classPath());
        cmd.addAll(List.of("io.repram.orchestrate.cli.Main", "agent", "--port", "0", "--bind", "127.0.0.1",
                "--id", id, "--exit-on-stdin-eof"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.PIPE).start();
        processes.add(p);
        // Held open and never written: its EOF tells the agent that the orchestrator is gone.
        stdins.add(p.getOutputStream());
    }

    private static URI awaitListening(Process p, Path log, long deadlineNanos) throws EngineException, IOException {
        while (System.nanoTime() - deadlineNanos < 0) {
            String text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
            Matcher m = LISTENING.matcher(text);
            if (m.find()) return URI.create(m.group(1));
            if (!p.isAlive()) {
                throw new EngineException("A local load agent exited with code " + p.exitValue() + " before listening:\n"
                        + text.strip() + "\nFix: run `repram-orchestrate agent --port 0` by hand to see why.",
                        Reason.ERROR);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EngineException("Interrupted while starting load agents", Reason.INTERRUPTED, e);
            }
        }
        throw new EngineException("A local load agent did not start listening in time; its log " + log + " says:\n"
                + (Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8).strip() : "(nothing)")
                + "\nFix: give it more time (--health-timeout) or check the machine's load.", Reason.NODE_UNHEALTHY);
    }

    /** The running jar when the orchestrator runs from one, else this JVM's class path (tests, IDEs). */
    static String classPath() {
        try {
            var source = LocalAgentLauncher.class.getProtectionDomain().getCodeSource();
            if (source != null) {
                Path location = Path.of(source.getLocation().toURI());
                if (Files.isRegularFile(location) && location.toString().endsWith(".jar")) {
                    return location.toString();
                }
            }
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            // Fall through to the class path.
        }
        return System.getProperty("java.class.path");
    }

    static String javaExecutable() {
        String command = ProcessHandle.current().info().command().orElse(null);
        if (command != null && Path.of(command).getFileName().toString().equals("java")
                && Files.isExecutable(Path.of(command))) {
            return command;
        }
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Process ids of the agents started so far (for tests and messages). */
    public synchronized List<Long> pids() {
        return processes.stream().map(Process::pid).toList();
    }

    @Override
    public synchronized void close() {
        killAll();
        processes.clear();
        stdins.clear();
        deleteLogs();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or ran: it does the same.
        }
    }

    private void deleteLogs() {
        if (logDir == null) return;
        try (var files = Files.list(logDir)) {
            for (Path f : files.toList()) Files.deleteIfExists(f);
            Files.deleteIfExists(logDir);
        } catch (IOException ignored) {
            // A temp directory left behind is harmless.
        }
        logDir = null;
    }

    private synchronized void killAll() {
        for (OutputStream stdin : stdins) {
            try {
                stdin.close();
            } catch (IOException ignored) {
                // Broken pipe: the agent is going already.
            }
        }
        for (Process p : processes) p.destroy();
        for (Process p : processes) {
            try {
                if (!p.waitFor(5, TimeUnit.SECONDS)) p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
