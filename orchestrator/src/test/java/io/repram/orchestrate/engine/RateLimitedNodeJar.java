package io.repram.orchestrate.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Packs {@link RateLimitedNodeMain} into a runnable jar, so the process driver starts it like a node jar. */
public final class RateLimitedNodeJar {
    private RateLimitedNodeJar() {
    }

    public static Path write(Path dir) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, RateLimitedNodeMain.class.getName());
        Path jar = dir.resolve("rate-limited-node.jar");
        String entry = RateLimitedNodeMain.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file, manifest);
             InputStream clazz = RateLimitedNodeMain.class.getClassLoader().getResourceAsStream(entry)) {
            if (clazz == null) throw new IOException("no " + entry + " on the test class path");
            out.putNextEntry(new JarEntry(entry));
            clazz.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }
}
