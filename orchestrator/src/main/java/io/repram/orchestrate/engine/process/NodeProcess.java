package io.repram.orchestrate.engine.process;

import io.repram.orchestrate.engine.Reason;
import io.repram.orchestrate.engine.EngineException;
import io.repram.orchestrate.engine.NodeEndpoint;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One node JVM: launched, stopped and relaunched on the same port with the same environment. The
 * stdin pipe stays open for the node's whole life and is never written: its EOF is the node's
 * signal that the orchestrator is gone.
 */
final class NodeProcess {
    private final NodeEndpoint endpoint;
    private final NodeCommand command;
    private final Path logFile;
    private Process process;
    private OutputStream stdinKeepAlive;
    private boolean paused;

    NodeProcess(NodeEndpoint endpoint, NodeCommand command, Path logFile) {
        this.endpoint = endpoint;
        this.command = command;
        this.logFile = logFile;
    }

    NodeEndpoint endpoint() {
        return endpoint;
    }

    synchronized void launch() throws EngineException {
        if (alive()) return;
        ProcessBuilder builder = new ProcessBuilder(command.command())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        Map<String, String> env = builder.environment();
        // A REPRAM_* variable in the orchestrator's own environment must not leak into the nodes.
        env.keySet().removeIf(k -> k.startsWith("REPRAM_"));
        env.putAll(command.env());
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new EngineException("Cannot start node " + endpoint.nodeId() + " (" + String.join(" ", command.command())
                    + "): " + e.getMessage() + ". Fix: check that Java is installed and executable.", Reason.ERROR, e);
        }
        stdinKeepAlive = process.getOutputStream();
        paused = false;
    }

    synchronized boolean alive() {
        return process != null && process.isAlive();
    }

    synchronized Optional<ProcessHandle> handle() {
        return alive() ? Optional.of(process.toHandle()) : Optional.empty();
    }

    /** Asks the node to exit (stdin EOF and SIGTERM); {@link #awaitExit} finishes the job. */
    synchronized void requestStop() {
        if (!alive()) return;
        // A stopped process does not act on SIGTERM until it is continued.
        if (paused) signal("CONT");
        paused = false;
        try {
            stdinKeepAlive.close();
        } catch (IOException ignored) {
            // The pipe is already broken: the node is exiting anyway.
        }
        process.destroy();
    }

    /** Waits until the deadline for the node to exit, then kills it. */
    void awaitExit(long deadlineNanos) {
        Process p;
        synchronized (this) {
            p = process;
        }
        if (p == null) return;
        try {
            long waitNanos = Math.max(0, deadlineNanos - System.nanoTime());
            if (!p.waitFor(waitNanos, TimeUnit.NANOSECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    void stopGracefully(long timeoutMillis) {
        requestStop();
        awaitExit(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis));
    }

    void kill() {
        Process p;
        synchronized (this) {
            p = process;
            paused = false;
        }
        if (p == null) return;
        try {
            p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    synchronized void pause() throws EngineException {
        requireAlive("pause");
        if (!signal("STOP")) {
            throw new EngineException("Could not send SIGSTOP to node " + endpoint.nodeId() + " (pid " + process.pid()
                    + "). Fix: make sure the `kill` command is on the PATH.", Reason.ERROR);
        }
        // The group stop lands as each thread is next scheduled; on a busy host a node could still
        // answer a request after kill returned, so a pause is done only once the kernel says stopped.
        awaitStopped(STOP_WAIT_MILLIS);
        paused = true;
    }

    private static final long STOP_WAIT_MILLIS = 2_000;

    private void awaitStopped(long timeoutMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        Path stat = Path.of("/proc", Long.toString(process.pid()), "stat");
        while (System.nanoTime() < deadline) {
            try {
                String line = Files.readString(stat);
                int close = line.lastIndexOf(')');
                char state = close > 0 && close + 2 < line.length() ? line.charAt(close + 2) : '?';
                if (state == 'T' || state == 't') return;
            } catch (IOException e) {
                return; // no /proc (not Linux) or the process is gone: nothing more to wait for
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    synchronized void unpause() throws EngineException {
        requireAlive("unpause");
        if (!signal("CONT")) {
            throw new EngineException("Could not send SIGCONT to node " + endpoint.nodeId() + " (pid " + process.pid()
                    + "). Fix: make sure the `kill` command is on the PATH.", Reason.ERROR);
        }
        paused = false;
    }

    private void requireAlive(String what) throws EngineException {
        if (!alive()) {
            throw new EngineException("Cannot " + what + " node " + endpoint.nodeId() + ": it is not running."
                    + " Fix: order the faults so the node is started before it is " + what + "d.", Reason.BAD_INPUT);
        }
    }

    /** Java has no API for SIGSTOP/SIGCONT, so the kill command sends them. */
    private boolean signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return kill.waitFor(5, TimeUnit.SECONDS) && kill.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The last lines of the node's log; reads only the end of the file, however long it is. */
    String tail(int lines) {
        if (!Files.exists(logFile)) return "(no log: " + logFile + " does not exist)";
        try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
            long length = file.length();
            long start = Math.max(0, length - Math.max(lines, 1) * 400L);
            byte[] bytes = new byte[(int) (length - start)];
            file.seek(start);
            file.readFully(bytes);
            String[] all = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
            Deque<String> last = new ArrayDeque<>();
            int from = start > 0 ? 1 : 0; // the first line is cut when reading from the middle
            for (int i = from; i < all.length; i++) {
                if (i == all.length - 1 && all[i].isEmpty()) break;
                last.addLast(all[i]);
                if (last.size() > lines) last.removeFirst();
            }
            return String.join("\n", last);
        } catch (IOException e) {
            return "(cannot read " + logFile + ": " + e.getMessage() + ")";
        }
    }

    Path logFile() {
        return logFile;
    }
}
