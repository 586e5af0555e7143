package io.repram.orchestrate.cli;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** -V and run.json name the build: the POM's version and the commit, with a fallback without git. */
class BuildVersionTest {

    private static Properties props(String version, String commit, String dirty) {
        Properties p = new Properties();
        p.setProperty("version", version);
        p.setProperty("commit", commit);
        p.setProperty("dirty", dirty);
        return p;
    }

    @Test
    void versionAndCommit() {
        assertEquals("0.1.0-SNAPSHOT (abc1234)", BuildVersion.of(props("0.1.0-SNAPSHOT", "abc1234", "false")));
        assertEquals("0.1.0-SNAPSHOT (abc1234-dirty)", BuildVersion.of(props("0.1.0-SNAPSHOT", "abc1234", "true")));
    }

    @Test
    void aSourceTarballHasNoCommitAndSaysSo() {
        // Without a .git directory the plugin sets nothing and Maven leaves the placeholders as they are.
        assertEquals("0.1.0-SNAPSHOT (commit unknown)",
                BuildVersion.of(props("0.1.0-SNAPSHOT", "${git.commit.id.abbrev}", "${git.dirty}")));
        assertEquals("dev (commit unknown)", BuildVersion.of(new Properties()));
    }

    @Test
    void theBuiltVersionIsThePomsAndThisCheckoutsCommit() throws Exception {
        String version = Main.version();
        assertTrue(version.startsWith(pomVersion() + " ("), version);
        Path root = Path.of(System.getProperty("repram.repo.root", ".."));
        assumeTrue(Files.exists(root.resolve(".git")), "a source tarball has no commit to compare with");
        Process git = new ProcessBuilder("git", "-C", root.toString(), "rev-parse", "--short=7", "HEAD")
                .redirectErrorStream(true).start();
        assertTrue(git.waitFor(30, TimeUnit.SECONDS));
        String head = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assumeTrue(git.exitValue() == 0, "git cannot read this checkout: " + head);
        assertTrue(version.startsWith(pomVersion() + " (" + head), version + " vs HEAD " + head);
    }

    @Test
    void dashCapitalVPrintsIt() {
        Captured console = new Captured();
        assertEquals(ExitCodes.OK, console.run(new Main(), "-V"));
        assertEquals("repram-orchestrate " + Main.version(), console.out().strip());
        assertTrue(!console.out().contains(" dev"), console.out());
    }

    /** The project's version, as orchestrator/pom.xml's parent declares it. */
    private static String pomVersion() throws Exception {
        Path pom = Path.of(System.getProperty("repram.repo.root", ".."), "orchestrator", "pom.xml");
        String text = Files.readString(pom);
        int parent = text.indexOf("<parent>");
        int start = text.indexOf("<version>", parent) + "<version>".length();
        return text.substring(start, text.indexOf("</version>", start)).strip();
    }
}
