package io.repram.orchestrate.engine.process;

import io.repram.orchestrate.engine.NodeJarLocation;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The node jar the tests start; the orchestrator pom points the system property at node/target. */
final class NodeJar {
    private NodeJar() {
    }

    static Path path() {
        Path jar = NodeJarLocation.defaultPath();
        assertTrue(Files.isRegularFile(jar), "the node jar " + jar.toAbsolutePath()
                + " is missing: build it first (make build, or mvn -pl node -am package)");
        return jar;
    }
}
