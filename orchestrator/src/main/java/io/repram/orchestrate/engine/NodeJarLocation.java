package io.repram.orchestrate.engine;

import java.nio.file.Path;

/** Where the node jar is when nobody says: one answer for every engine and command. */
public final class NodeJarLocation {
    /** Relative to the repository root. */
    public static final Path IN_REPOSITORY = Path.of("node", "target", "repram-node.jar");

    private NodeJarLocation() {
    }

    /**
     * The {@code repram.node.jar} system property if set; else {@link #IN_REPOSITORY} under
     * {@code repram.home} (the launcher script sets it to the repo root, so the tool works from any
     * directory); else {@link #IN_REPOSITORY} relative to the working directory.
     */
    public static Path defaultPath() {
        String explicit = System.getProperty("repram.node.jar");
        if (explicit != null && !explicit.isBlank()) return Path.of(explicit);
        String home = System.getProperty("repram.home");
        return home != null && !home.isBlank() ? Path.of(home).resolve(IN_REPOSITORY) : IN_REPOSITORY;
    }

    /** The given jar, or the default one. */
    public static Path orDefault(Path given) {
        return given != null ? given : defaultPath();
    }
}
