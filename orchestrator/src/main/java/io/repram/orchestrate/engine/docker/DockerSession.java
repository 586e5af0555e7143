package io.repram.orchestrate.engine.docker;

import com.github.dockerjava.api.DockerClient;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * What the docker and swarm engines share: one docker-java client, one session id (the
 * {@link DockerLabels#SESSION} label on everything made), the sweep of dead sessions at the start,
 * the session's reaper, the stats handles to stop, and removal of the session's objects by label.
 */
public final class DockerSession implements AutoCloseable {
    private static final String CLEANUP_FIX =
            "\nFix: `repram-orchestrate cleanup` removes every labelled service, container and network.";
    private final DockerClient docker;
    private final String id = UUID.randomUUID().toString();
    private final SessionReaper reaper;
    private final Set<AutoCloseable> handles = ConcurrentHashMap.newKeySet();
    private volatile boolean closing;
    private boolean closed;

    private DockerSession(DockerClient docker, Consumer<String> progress) {
        this.docker = docker;
        this.reaper = SessionReaper.startOrWarn(docker, id, progress);
    }

    /**
     * Sweeps sessions whose reaper is gone, then starts this session's reaper. Without a reaper
     * (its image cannot be built) the session still works, but a SIGKILL would leave objects.
     */
    public static DockerSession open(DockerClient docker, Consumer<String> progress) {
        SessionSweeper.sweepAndSay(docker, progress);
        return new DockerSession(docker, progress);
    }

    public DockerClient client() {
        return docker;
    }

    /** The value of the {@link DockerLabels#SESSION} label. */
    public String id() {
        return id;
    }

    /** True when a reaper watches this session: labels then say so, and the sweepers leave it alone. */
    public boolean reaped() {
        return reaper != null;
    }

    /** True once {@link #close} began: nothing new may be created, or its removal would miss it. */
    public boolean closing() {
        return closing;
    }

    /** The reaper container's id, or null when it could not start. */
    String reaperContainerId() {
        return reaper == null ? null : reaper.containerId();
    }

    /** Keeps a stats handle so that {@link #close} stops it; closing the returned handle stops and forgets it. */
    public AutoCloseable track(AutoCloseable handle) {
        handles.add(handle);
        return () -> {
            handles.remove(handle);
            handle.close();
        };
    }

    /** Removes every object of one run (cluster) of this session. Never throws: a failure is logged. */
    public void removeRun(String runId) {
        try {
            new DockerCleanup(docker).remove(List.of(DockerLabels.filter(DockerLabels.SESSION, id),
                    DockerLabels.filter(DockerLabels.RUN, runId)), labels -> false);
        } catch (RuntimeException e) {
            System.err.println("WARN removing cluster " + runId + " failed: " + DockerConnection.rootMessage(e) + CLEANUP_FIX);
        }
    }

    /** Removes everything of the session, then the reaper after its final sweep. */
    @Override
    public void close() {
        close(labels -> false, true);
    }

    /**
     * Stops the tracked handles, removes every object of the session except those {@code keep}
     * matches, then the reaper, and closes the client. Idempotent.
     *
     * @param finalSweep let the reaper sweep once more before it goes (it catches objects an
     *                   in-flight call made meanwhile); false when a kept object without the
     *                   {@code keep} label must survive that sweep
     */
    public synchronized void close(Predicate<Map<String, String>> keep, boolean finalSweep) {
        if (closed) return;
        closed = true;
        closing = true;
        for (AutoCloseable h : List.copyOf(handles)) {
            try {
                h.close();
            } catch (Exception ignored) {
                // a stats handle that fails to close holds nothing we still need
            }
        }
        handles.clear();
        try {
            new DockerCleanup(docker).remove(List.of(DockerLabels.filter(DockerLabels.SESSION, id)),
                    // The reaper goes last, after its own final sweep (below).
                    labels -> DockerLabels.ROLE_REAPER.equals(labels.get(DockerLabels.ROLE)) || keep.test(labels));
        } catch (RuntimeException e) {
            System.err.println("WARN cleanup of session " + id + " failed: " + DockerConnection.rootMessage(e) + CLEANUP_FIX);
        }
        if (reaper != null) reaper.close(finalSweep);
        DockerConnection.closeQuietly(docker);
    }
}
