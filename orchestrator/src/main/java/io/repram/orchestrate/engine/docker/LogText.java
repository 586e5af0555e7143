package io.repram.orchestrate.engine.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Collects a container's or a service's log frames as text, for error messages. Frames arrive on
 * docker-java's thread, hence the synchronised buffer.
 */
public final class LogText extends ResultCallback.Adapter<Frame> {
    private final StringBuilder out = new StringBuilder();

    /** The last {@code tailLines} of a container's log, or a note why there is none: never throws. */
    public static String ofContainer(DockerClient docker, String container, int tailLines) {
        try {
            return docker.logContainerCmd(container).withStdOut(true).withStdErr(true).withTail(tailLines)
                    .exec(new LogText()).await();
        } catch (RuntimeException e) {
            return "(no logs for " + container + ": " + DockerConnection.rootMessage(e) + ")";
        }
    }

    @Override
    public void onNext(Frame frame) {
        synchronized (out) {
            out.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
        }
    }

    /** Waits up to 5 s for the stream to end and returns what arrived (all of it, or what came in time). */
    public String await() {
        try {
            awaitCompletion(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (out) {
            return out.toString();
        }
    }
}
