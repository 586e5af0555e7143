package io.repram.orchestrate.engine;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds helper programs (util-linux's taskset and setsid) the way a shell would, on the PATH. */
public final class Executables {
    private Executables() {
    }

    /** Whether an executable file called {@code name} is in a directory of the PATH. */
    public static boolean onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) return true;
        }
        return false;
    }
}
