package io.repram.orchestrate.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The id of this user's last {@code cluster up}, kept in the user's state directory: a bare
 * {@code cluster down} removes only that cluster, never one another user of the same Docker
 * daemon made.
 */
final class LastCluster {
    /** Where the file lives instead of the default, for tests and for users who want it elsewhere. */
    static final String DIR_PROPERTY = "repram.orchestrate.state-dir";
    static final String DIR_ENV = "REPRAM_ORCHESTRATE_STATE_DIR";
    static final String FILE_NAME = "last-cluster";

    private LastCluster() {
    }

    /** $REPRAM_ORCHESTRATE_STATE_DIR, else $XDG_STATE_HOME/repram-orchestrate, else ~/.local/state/repram-orchestrate. */
    static Path file() {
        return file(System.getProperty(DIR_PROPERTY), System.getenv(), System.getProperty("user.home"));
    }

    static Path file(String property, Map<String, String> env, String home) {
        if (property != null && !property.isBlank()) return Path.of(property, FILE_NAME);
        String dir = env.get(DIR_ENV);
        if (dir != null && !dir.isBlank()) return Path.of(dir, FILE_NAME);
        String xdg = env.get("XDG_STATE_HOME");
        Path state = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".local", "state");
        return state.resolve("repram-orchestrate").resolve(FILE_NAME);
    }

    static Optional<String> read() {
        Path file = file();
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return lines.isEmpty() || lines.get(0).isBlank() ? Optional.empty() : Optional.of(lines.get(0).trim());
        } catch (IOException missingOrUnreadable) {
            return Optional.empty();
        }
    }

    /** Records {@code runId}; on failure returns the reason, so the caller can say that a bare `cluster down` will refuse. */
    static Optional<String> write(String runId) {
        Path file = file();
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
            Files.writeString(tmp, runId + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return Optional.empty();
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.of("cannot write " + file + ": " + e.getMessage());
        }
    }
}
