package io.repram.orchestrate.engine.docker;

import io.repram.orchestrate.engine.docker.reaper.ReaperMain;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReaperImageTest {
    @Test
    void theImageCarriesEveryClassOfTheReaperPackage() throws Exception {
        Path dir = Path.of(ReaperMain.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve(ReaperMain.class.getPackageName().replace('.', '/'));
        Set<String> onDisk;
        try (Stream<Path> files = Files.list(dir)) {
            onDisk = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".class")).collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> listed = ReaperImage.CLASS_NAMES.stream()
                .map(n -> n.substring(n.lastIndexOf('.') + 1) + ".class").collect(Collectors.toCollection(TreeSet::new));
        assertEquals(onDisk, listed);
    }

    /** The reaper's JRE has java.base only and no other library: its classes must link on their own. */
    @Test
    void theReaperClassesNeedNothingButTheJdk() throws Exception {
        Path root = Files.createTempDirectory("reaper-classes");
        for (Map.Entry<String, byte[]> c : ReaperImage.classFiles().entrySet()) {
            Path f = root.resolve(c.getKey());
            Files.createDirectories(f.getParent());
            Files.write(f, c.getValue());
        }
        try (URLClassLoader isolated = new URLClassLoader(new URL[]{root.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            for (String name : ReaperImage.CLASS_NAMES) {
                Class<?> c = Class.forName(name, true, isolated);
                assertEquals(isolated, c.getClassLoader(), name);
                for (Method m : c.getDeclaredMethods()) m.getParameterTypes();
            }
            Class<?> api = Class.forName("io.repram.orchestrate.engine.docker.reaper.EngineApi", true, isolated);
            Method ids = api.getDeclaredMethod("ids", String.class);
            ids.setAccessible(true);
            assertEquals(List.of("f".repeat(64)), ids.invoke(null, "[{\"Id\":\"" + "f".repeat(64) + "\"}]"));
        }
    }

    @Test
    void theReaperUsesTheSameLabelKeysAsTheTool() {
        assertEquals(DockerLabels.SESSION, ReaperMain.LABEL_SESSION);
        assertEquals(DockerLabels.ROLE, ReaperMain.LABEL_ROLE);
        assertEquals(DockerLabels.KEEP, ReaperMain.LABEL_KEEP);
        assertEquals(DockerLabels.ROLE_REAPER, ReaperMain.ROLE_REAPER);
    }

    @Test
    void theHashFollowsTheClassesAndTheDockerfile() throws Exception {
        Map<String, byte[]> classes = ReaperImage.classFiles();
        String df = ReaperImage.dockerfile();
        assertTrue(df.startsWith("FROM scratch\n") && df.contains("USER 0:0") && df.contains(ReaperMain.class.getName()), df);
        assertEquals(ReaperImage.sha256(classes, df), ReaperImage.sha256(ReaperImage.classFiles(), df));
        assertNotEquals(ReaperImage.sha256(classes, df), ReaperImage.sha256(classes, df + "# changed\n"));
    }

    @Test
    void mountsTheDaemonsOwnSocket() {
        assertEquals("/run/user/1000/docker.sock", SessionReaper.daemonSocketPath("unix:///run/user/1000/docker.sock"));
        assertEquals("/var/run/docker.sock", SessionReaper.daemonSocketPath(null));
        assertEquals("/var/run/docker.sock", SessionReaper.daemonSocketPath("tcp://127.0.0.1:2375"));
    }
}
