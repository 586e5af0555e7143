package io.repram.orchestrate.engine.swarm;

import io.repram.orchestrate.engine.Reason;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.PushResponseItem;
import io.repram.orchestrate.engine.EngineException;
import io.repram.orchestrate.engine.docker.DockerConnection;
import io.repram.orchestrate.engine.docker.ImageBuilder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Makes an image usable by every swarm node: builds ours when needed, and with {@code --registry}
 * tags and pushes it there, returning the reference the services must use.
 */
final class SwarmImages {
    private final DockerClient docker;
    private final String registry;
    private final Consumer<String> progress;

    /** @param registry "HOST[:PORT]/PREFIX" or null for local images only */
    SwarmImages(DockerClient docker, String registry, Consumer<String> progress) {
        this.docker = docker;
        this.registry = registry == null || registry.isBlank() ? null : registry.replaceAll("/+$", "");
        this.progress = progress;
    }

    /** The node image, built from the node jar when it is ours, then published when a registry is set. */
    String node(String image, Path nodeJar, String sessionId) throws EngineException {
        if (ImageBuilder.isDefaultImage(image) && Files.isRegularFile(nodeJar)) {
            new ImageBuilder(docker, sessionId, progress).build(nodeJar, false);
            image = ImageBuilder.DEFAULT_TAG;
        } else {
            try {
                docker.inspectImageCmd(image).exec();
            } catch (NotFoundException e) {
                throw new EngineException("Image " + image + " is not on the manager's Docker Engine."
                        + "\nFix: `repram-orchestrate image build` (for " + ImageBuilder.DEFAULT_TAG + ") or `docker pull` it.",
                        Reason.IMAGE_MISSING, e);
            }
        }
        return publish(image);
    }

    /** {@code image} as the services must name it: itself, or its copy in the registry. */
    String publish(String image) throws EngineException {
        if (registry == null) return image;
        String reference = reference(registry, image);
        int colon = reference.lastIndexOf(':');
        try {
            docker.tagImageCmd(image, reference.substring(0, colon), reference.substring(colon + 1)).withForce().exec();
            progress.accept("Pushing " + reference);
            java.util.concurrent.atomic.AtomicReference<String> error = new java.util.concurrent.atomic.AtomicReference<>();
            docker.pushImageCmd(reference).exec(new ResultCallback.Adapter<PushResponseItem>() {
                @Override
                public void onNext(PushResponseItem item) {
                    if (item.isErrorIndicated()) {
                        error.compareAndSet(null, item.getErrorDetail() != null ? item.getErrorDetail().getMessage() : item.getError());
                    }
                }
            }).awaitCompletion(10, TimeUnit.MINUTES);
            if (error.get() != null) throw new IllegalStateException(error.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted while pushing " + reference, Reason.INTERRUPTED, e);
        } catch (RuntimeException e) {
            throw new EngineException("Pushing " + reference + " failed: " + DockerConnection.rootMessage(e)
                    + "\nFix: check --registry (HOST[:PORT]/PREFIX), that the registry runs, and `docker login` to it."
                    + " An insecure (HTTP) registry must be listed in the daemon's insecure-registries.",
                    Reason.IMAGE_MISSING, e);
        }
        return reference;
    }

    /** "repram-node:latest" in "reg:5000/team" → "reg:5000/team/repram-node:latest". */
    static String reference(String registry, String image) {
        String name = image.contains("/") ? image.substring(image.lastIndexOf('/') + 1) : image;
        if (!name.contains(":")) name += ":latest";
        return registry.replaceAll("/+$", "") + "/" + name;
    }

    boolean hasRegistry() {
        return registry != null;
    }
}
