package io.repram.orchestrate.engine.docker;

import io.repram.orchestrate.engine.Reason;
import io.repram.orchestrate.engine.EngineException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** No daemon needed: the point is what the user reads when there is none. */
class DockerConnectionTest {
    @Test
    void aMissingDaemonSaysHowToStartIt(@TempDir Path dir) {
        // docker-java reads DOCKER_HOST from system properties as well as from the environment.
        String previous = System.getProperty("DOCKER_HOST");
        System.setProperty("DOCKER_HOST", "unix://" + dir.resolve("no-daemon.sock"));
        try {
            EngineException e = assertThrows(EngineException.class, DockerConnection::open);
            assertEquals(Reason.DAEMON_UNAVAILABLE, e.reason());
            assertTrue(e.getMessage().contains("no-daemon.sock"), e.getMessage());
            assertTrue(e.getMessage().contains("dockerd --userland-proxy=false"), e.getMessage());
            assertTrue(e.getMessage().contains("--driver process"), e.getMessage());
        } finally {
            if (previous == null) System.clearProperty("DOCKER_HOST");
            else System.setProperty("DOCKER_HOST", previous);
        }
    }

    @Test
    void aDeniedSocketSaysHowToGetPermission() {
        EngineException e = DockerConnection.unavailable("unix:///var/run/docker.sock",
                new RuntimeException(new java.io.IOException("connect: Permission denied")));
        assertEquals(Reason.DAEMON_UNAVAILABLE, e.reason());
        assertTrue(e.getMessage().contains("permission denied"), e.getMessage());
        assertTrue(e.getMessage().contains("usermod -aG docker"), e.getMessage());
    }
}
