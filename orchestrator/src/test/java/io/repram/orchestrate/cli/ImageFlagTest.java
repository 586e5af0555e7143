package io.repram.orchestrate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `run --image` replaces the scenario's image: key; run.json records it and this build's version. */
class ImageFlagTest {
    @TempDir
    Path results;

    @Test
    void runImageOverridesTheScenarioAndRunJsonSaysWhichBuildRanIt() throws Exception {
        Path scenario = Path.of(ImageFlagTest.class.getResource("/cli/tiny-process.yaml").toURI());
        Captured console = new Captured();
        int code = console.run(new Main(), "run", scenario.toString(), "--driver", "process", "--ci",
                "--image", "my-repram:dev", "--results-dir", results.toString());
        assertEquals(ExitCodes.OK, code, console.toString());
        Path dir;
        try (Stream<Path> dirs = Files.list(results)) {
            List<Path> all = dirs.toList();
            assertEquals(1, all.size(), all.toString());
            dir = all.get(0);
        }
        JsonNode runJson = new ObjectMapper().readTree(dir.resolve("run.json").toFile());
        assertEquals("my-repram:dev", runJson.path("scenario").path("image").asText(), runJson.toString());
        assertEquals(Main.version(), runJson.path("tool_version").asText());
        assertFalse(runJson.path("tool_version").asText().startsWith("dev"), runJson.toString());
    }

    @Test
    void aBlankImageIsBadInputAndNothingIsWritten() {
        Captured console = new Captured();
        assertEquals(ExitCodes.BAD_INPUT, console.run(new Main(), "run", "--driver", "process", "--ci",
                "--image", "", "--results-dir", results.toString()));
        assertTrue(console.err().contains("--image '' is not an image name"), console.err());
        assertTrue(results.toFile().list().length == 0, "nothing written");
    }
}
