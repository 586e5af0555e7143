package io.repram.orchestrate.engine.swarm;

import io.repram.orchestrate.engine.ClusterSpec;
import io.repram.orchestrate.engine.docker.ImageBuilder;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A stand-in orchestrator for SwarmEngineDockerTest's kill -9: starts a 1-node swarm cluster,
 * prints its session and waits to be killed. Arguments: the node jar.
 */
public final class SwarmEngineHolderMain {
    public static final String SESSION_PREFIX = "SESSION ";
    public static final String READY = "READY";

    private SwarmEngineHolderMain() {
    }

    public static void main(String[] args) throws Exception {
        SwarmEngine engine = new SwarmEngine(new SwarmEngine.Options(Path.of(args[0]), null, System.err::println));
        System.out.println(SESSION_PREFIX + engine.sessionId());
        System.out.flush();
        engine.start(new ClusterSpec("swholder" + Long.toHexString(System.nanoTime()).substring(0, 6), "swarm-reaper-it", 1,
                ImageBuilder.DEFAULT_TAG, Map.of(), null, null, 0, Duration.ofSeconds(90)));
        System.out.println(READY);
        System.out.flush();
        Thread.sleep(Duration.ofMinutes(5).toMillis());
    }
}
