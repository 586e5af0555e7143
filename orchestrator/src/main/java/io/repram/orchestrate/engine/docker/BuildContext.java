package io.repram.orchestrate.engine.docker;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes a docker build context tar by hand instead of letting docker-java tar a directory: only
 * this way do modes survive (the sticky /tmp, executable libraries), and fixed timestamps keep the
 * layers identical between builds of the same jar.
 */
final class BuildContext {
    /** 2020-01-01T00:00:00Z: every entry gets it, so equal inputs give equal layers. */
    private static final Date FIXED_TIME = new Date(1_577_836_800_000L);

    private BuildContext() {
    }

    /**
     * @param dockerfile the Dockerfile text, stored at the context root
     * @param root       a directory whose content goes into the context under its own name
     *                   (e.g. rootfs/...); {@code tmp} directories inside it get mode 1777
     */
    static void write(OutputStream out, String dockerfile, Path root) throws IOException {
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            addBytes(tar, "Dockerfile", dockerfile.getBytes(StandardCharsets.UTF_8), 0644);
            Path base = root.getParent();
            List<Path> paths;
            try (Stream<Path> walk = Files.walk(root)) {
                paths = walk.sorted().toList();
            }
            for (Path p : paths) {
                String name = base.relativize(p).toString().replace('\\', '/');
                if (Files.isDirectory(p)) {
                    TarArchiveEntry e = new TarArchiveEntry(name + "/");
                    e.setMode(p.getFileName().toString().equals("tmp") ? 01777 : 0755);
                    e.setModTime(FIXED_TIME);
                    tar.putArchiveEntry(e);
                    tar.closeArchiveEntry();
                } else if (Files.exists(p)) {
                    // Links are stored as the file they point at; dangling ones (docs) are dropped.
                    TarArchiveEntry e = new TarArchiveEntry(name);
                    e.setMode(isExecutable(p) ? 0755 : 0644);
                    e.setSize(Files.size(p));
                    e.setModTime(FIXED_TIME);
                    tar.putArchiveEntry(e);
                    Files.copy(p, tar);
                    tar.closeArchiveEntry();
                }
            }
            tar.finish();
        }
    }

    /** A context of just a Dockerfile and a few extra files (name → content). */
    static void writeFiles(OutputStream out, String dockerfile, List<Path> files) throws IOException {
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            addBytes(tar, "Dockerfile", dockerfile.getBytes(StandardCharsets.UTF_8), 0644);
            for (Path f : files) {
                addBytes(tar, f.getFileName().toString(), Files.readAllBytes(f), 0644);
            }
            tar.finish();
        }
    }

    private static void addBytes(TarArchiveOutputStream tar, String name, byte[] content, int mode) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setMode(mode);
        e.setSize(content.length);
        e.setModTime(FIXED_TIME);
        tar.putArchiveEntry(e);
        tar.write(content);
        tar.closeArchiveEntry();
    }

    private static boolean isExecutable(Path p) throws IOException {
        try {
            return Files.getPosixFilePermissions(p).contains(PosixFilePermission.OWNER_EXECUTE);
        } catch (UnsupportedOperationException e) {
            return Files.isExecutable(p);
        }
    }
}
