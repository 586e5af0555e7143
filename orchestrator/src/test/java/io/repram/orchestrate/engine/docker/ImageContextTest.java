package io.repram.orchestrate.engine.docker;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The image's build context and Dockerfile, without Docker. */
class ImageContextTest {
    @Test
    void contextKeepsTheStickyTmpAndExecutableBits(@TempDir Path dir) throws IOException {
        Path rootfs = dir.resolve("rootfs");
        Files.createDirectories(rootfs.resolve("tmp"));
        Files.createDirectories(rootfs.resolve("opt/jre/bin"));
        Path java = Files.writeString(rootfs.resolve("opt/jre/bin/java"), "#!binary");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(rootfs.resolve("opt/data.txt"), "data");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BuildContext.write(out, "FROM scratch\n", rootfs);

        Map<String, TarArchiveEntry> entries = new HashMap<>();
        String dockerfile = null;
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new ByteArrayInputStream(out.toByteArray()))) {
            for (TarArchiveEntry e; (e = tar.getNextTarEntry()) != null; ) {
                entries.put(e.getName(), e);
                if (e.getName().equals("Dockerfile")) dockerfile = new String(tar.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        assertEquals("FROM scratch\n", dockerfile);
        assertEquals(01777, entries.get("rootfs/tmp/").getMode() & 07777);
        assertTrue(entries.get("rootfs/tmp/").isDirectory());
        assertEquals(0755, entries.get("rootfs/opt/jre/bin/java").getMode() & 07777);
        assertEquals(0644, entries.get("rootfs/opt/data.txt").getMode() & 07777);
        // Fixed timestamps: the same jar gives the same layers.
        assertEquals(1_577_836_800_000L, entries.get("rootfs/opt/data.txt").getModTime().getTime());
    }

    @Test
    void dockerfileStartsFromScratchAndAddsTheArchiveOnlyInTheFinalStage() {
        String base = ImageBuilder.dockerfile("scratch", false);
        assertTrue(base.startsWith("FROM scratch\nCOPY rootfs/ /\n"));
        assertTrue(base.contains("EXPOSE 8080\n"));
        assertTrue(base.contains("ENTRYPOINT [\"/opt/jre/bin/java\", \"-XX:+UseG1GC\""));
        // The heap follows the container limit and the store the rest: no fixed heap in the image.
        assertTrue(base.contains("\"-XX:MaxRAMPercentage=25\", \"-XX:MaxDirectMemorySize=1t\""), base);
        assertFalse(base.contains("-Xmx") || base.contains("-Xms") || base.contains("-Xmn"), base);
        assertTrue(base.contains("\"-jar\", \"/opt/repram/repram-node.jar\"]"));
        assertFalse(base.contains("SharedArchiveFile"));

        String last = ImageBuilder.dockerfile("sha256:abc", true);
        assertTrue(last.startsWith("FROM sha256:abc\nCOPY app.jsa /opt/repram/app.jsa\n"));
        assertTrue(last.contains("\"-XX:SharedArchiveFile=/opt/repram/app.jsa\", \"-jar\""));
    }

    @Test
    void lddOutputGivesTheForeignLibrariesOnly() {
        String ldd = """
                \tlinux-vdso.so.1 (0x00007ffd5b3f2000)
                \tlibz.so.1 => /lib/x86_64-linux-gnu/libz.so.1 (0x00007f1c1c5e0000)
                \tlibjli.so => /tmp/ctx/rootfs/opt/jre/bin/../lib/libjli.so (0x00007f1c1c5c0000)
                \tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f1c1c3df000)
                \t/lib64/ld-linux-x86-64.so.2 (0x00007f1c1c60a000)
                """;
        assertEquals(List.of(Path.of("/lib/x86_64-linux-gnu/libz.so.1"), Path.of("/lib/x86_64-linux-gnu/libc.so.6"),
                Path.of("/lib64/ld-linux-x86-64.so.2")), JreAssembler.parseLdd(ldd, Path.of("/tmp/ctx/rootfs/opt/jre")));
    }

    @Test
    void sha256IsHexOfTheFile(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("a.jar"), "abc");
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ImageBuilder.sha256(f));
    }
}
