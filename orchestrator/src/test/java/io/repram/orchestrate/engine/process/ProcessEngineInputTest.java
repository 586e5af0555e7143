package io.repram.orchestrate.engine.process;

import io.repram.orchestrate.engine.Reason;
import io.repram.orchestrate.engine.ClusterSpec;
import io.repram.orchestrate.engine.EngineException;
import io.repram.orchestrate.engine.EnvironmentInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Behaviour that needs no node jar: bad input is refused before any process starts. */
class ProcessEngineInputTest {

    private static ClusterSpec spec(int size) {
        return new ClusterSpec("run1", "smoke", size, "ignored", Map.of(), null, null, 0, Duration.ofSeconds(5));
    }

    @Test
    void missingNodeJarIsBadInputNamingTheBuildCommand(@TempDir Path dir) {
        try (ProcessEngine engine = new ProcessEngine(dir.resolve("repram-node.jar"))) {
            EngineException e = assertThrows(EngineException.class, () -> engine.start(spec(1)));
            assertEquals(Reason.BAD_INPUT, e.reason());
            assertTrue(e.getMessage().contains("make build"), e.getMessage());
            assertTrue(e.getMessage().contains("repram-node.jar"), e.getMessage());
        }
    }

    @Test
    void environmentNamesTheDriverAndHashesTheJar(@TempDir Path dir) throws IOException {
        Path jar = Files.writeString(dir.resolve("repram-node.jar"), "abc", StandardCharsets.UTF_8);
        try (ProcessEngine engine = new ProcessEngine(jar)) {
            EnvironmentInfo env = engine.environment();
            assertEquals("process", env.driver());
            assertEquals("process", engine.name());
            // sha256("abc")
            assertEquals("sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", env.imageId());
            assertTrue(env.engineVersion().contains(Integer.toString(Runtime.version().feature())), env.engineVersion());
            assertEquals(Runtime.getRuntime().availableProcessors(), env.cores());
            assertTrue(env.memoryBytes() > 0);
        }
    }

    @Test
    void aNodeThatExitsDuringStartupFailsFastWithItsLog(@TempDir Path dir) throws IOException {
        // Not a jar: the child JVM prints an error and exits at once.
        Path jar = Files.writeString(dir.resolve("repram-node.jar"), "not a jar", StandardCharsets.UTF_8);
        try (ProcessEngine engine = new ProcessEngine(jar)) {
            long started = System.nanoTime();
            EngineException e = assertThrows(EngineException.class, () -> engine.start(
                    new ClusterSpec("run1", "smoke", 1, "ignored", Map.of(), null, null, 0, Duration.ofSeconds(60))));
            assertEquals(Reason.NODE_UNHEALTHY, e.reason());
            assertTrue(e.getMessage().contains("exited during startup"), e.getMessage());
            assertTrue(e.getMessage().contains("Invalid or corrupt jarfile") || e.getMessage().contains("Error"), e.getMessage());
            assertTrue(System.nanoTime() - started < Duration.ofSeconds(60).toNanos(), "must not wait for the health timeout");
        }
        assertEquals(0, ProcessHandle.current().children().count(), "the failed node must not linger");
    }
}
