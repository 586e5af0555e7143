package io.repram.orchestrate.engine.process;

import io.repram.orchestrate.engine.CleanupScope;
import io.repram.orchestrate.engine.Leftover;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Node processes of the process driver, found by the session properties on their command lines
 * (see {@link NodeCommand#SESSION_PROPERTY}). Normally none outlives its orchestrator (each exits
 * on stdin EOF); a node that was paused (SIGSTOP) when its orchestrator was killed cannot notice,
 * and stays until {@code cleanup} stops it.
 */
public final class ProcessNodes {
    public static final String KIND = "process node";
    private static final long GRACEFUL_STOP_SECONDS = 3;

    private ProcessNodes() {
    }

    /** The node processes of the scope; process clusters are never kept, so a kept-cluster scope has none. */
    public static List<Leftover> find(CleanupScope scope) {
        List<Leftover> found = new ArrayList<>();
        for (Found f : matching(scope)) found.add(f.leftover());
        return found;
    }

    /** Stops the scope's node processes (SIGCONT and SIGTERM, then SIGKILL); returns those that are gone. */
    public static List<Leftover> stop(CleanupScope scope) {
        List<Leftover> stopped = new ArrayList<>();
        for (Found f : matching(scope)) {
            if (stop(f.process())) stopped.add(f.leftover());
        }
        return stopped;
    }

    private record Found(ProcessHandle process, Leftover leftover) {
    }

    private static List<Found> matching(CleanupScope scope) {
        if (scope.keptCluster() != null) return List.of();
        long self = ProcessHandle.current().pid();
        return ProcessHandle.allProcesses()
                .filter(p -> p.pid() != self)
                .flatMap(p -> parse(p).stream())
                .filter(f -> scope.sessionId() == null || scope.sessionId().equals(f.leftover().session()))
                .toList();
    }

    private static Optional<Found> parse(ProcessHandle p) {
        String[] args = p.info().arguments().orElse(null);
        if (args == null) return Optional.empty();
        String session = value(args, NodeCommand.SESSION_PROPERTY);
        if (session == null) return Optional.empty();
        String node = value(args, NodeCommand.NODE_PROPERTY);
        String name = (node == null ? "node" : node) + " (pid " + p.pid() + ")";
        return Optional.of(new Found(p, new Leftover(KIND, name, session, value(args, NodeCommand.RUN_PROPERTY), false)));
    }

    private static String value(String[] args, String prefix) {
        for (String a : args) {
            if (a.startsWith(prefix)) return a.substring(prefix.length());
        }
        return null;
    }

    private static boolean stop(ProcessHandle p) {
        // A stopped process acts on SIGTERM only once continued; a dead orchestrator cannot continue it.
        signal(p, "CONT");
        p.destroy();
        if (awaitExit(p)) return true;
        p.destroyForcibly();
        return awaitExit(p);
    }

    private static boolean awaitExit(ProcessHandle p) {
        try {
            p.onExit().get(GRACEFUL_STOP_SECONDS, TimeUnit.SECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return !p.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !p.isAlive();
        }
    }

    private static void signal(ProcessHandle p, String signal) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(5, TimeUnit.SECONDS);
        } catch (java.io.IOException e) {
            // no kill(1): a node that is not paused still ends on SIGTERM
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
