package io.repram.orchestrate.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version of this build, as {@code -V}, run.json and the agents report it: the POM's version
 * and the git commit it was built from ({@code 0.1.0-SNAPSHOT (abc1234)}), so every result can be
 * traced to a build. Both come from {@code build.properties}, which Maven fills in at build time.
 */
final class BuildVersion {
    static final String RESOURCE = "/io/repram/orchestrate/build.properties";
    /** What a build without git metadata (a source tarball) says instead of a commit. */
    static final String NO_COMMIT = "commit unknown";

    private BuildVersion() {
    }

    /** This build's version; "dev" only when the classes were compiled without Maven's resources. */
    static String current() {
        try (InputStream in = BuildVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) return "dev";
            Properties p = new Properties();
            p.load(in);
            return of(p);
        } catch (IOException e) {
            return "dev";
        }
    }

    /** {@code VERSION (COMMIT[-dirty])}; a key Maven did not fill in (still {@code ${...}}) counts as missing. */
    static String of(Properties p) {
        String version = filled(p.getProperty("version"));
        String commit = filled(p.getProperty("commit"));
        boolean dirty = "true".equals(filled(p.getProperty("dirty")));
        return (version == null ? "dev" : version) + " ("
                + (commit == null ? NO_COMMIT : commit + (dirty ? "-dirty" : "")) + ")";
    }

    private static String filled(String value) {
        return value == null || value.isBlank() || value.contains("${") ? null : value.strip();
    }
}
