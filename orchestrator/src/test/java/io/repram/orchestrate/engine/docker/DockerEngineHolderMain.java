package io.repram.orchestrate.engine.docker;

import io.repram.orchestrate.engine.ClusterSpec;
import io.repram.orchestrate.engine.NetworkMode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A stand-in orchestrator for ReaperDockerTest: starts a 1-node cluster, prints its session and
 * then waits to be killed. Arguments: the node jar.
 */
public final class DockerEngineHolderMain {
    public static final String SESSION_PREFIX = "SESSION ";
    public static final String READY = "READY";

    private DockerEngineHolderMain() {
    }

    public static void main(String[] args) throws Exception {
        DockerEngine engine = new DockerEngine(new DockerEngine.Options(Path.of(args[0]), false, false, System.err::println));
        System.out.println(SESSION_PREFIX + engine.sessionId());
        System.out.flush();
        engine.start(new ClusterSpec("holder" + Long.toHexString(System.nanoTime()).substring(0, 6), "reaper-it", 1,
                ImageBuilder.DEFAULT_TAG, Map.of(), null, null, 0, Duration.ofSeconds(90))
                // The reaper test counts the cluster's network: the bridge has one.
                .withPlacement(NetworkMode.BRIDGE, java.util.List.of()));
        System.out.println(READY);
        System.out.flush();
        Thread.sleep(Duration.ofMinutes(5).toMillis());
    }
}
