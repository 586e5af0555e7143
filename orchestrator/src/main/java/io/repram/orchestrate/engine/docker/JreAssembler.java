package io.repram.orchestrate.engine.docker;

import io.repram.orchestrate.engine.Reason;
import io.repram.orchestrate.engine.EngineException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Lays out a self-contained root file system for a FROM-scratch image: a jlink'd JRE under
 * /opt/jre (with its default CDS archive) plus every shared library that ldd says it loads, at the
 * same paths as on this machine, so the dynamic loader finds them without an ld.so.cache.
 */
final class JreAssembler {
    /**
     * Modules the node reaches by reflection or service loading, which jdeps cannot see (JVM
     * metrics through com.sun.management, Jetty's JNDI/XML hooks, Jackson's optional java.sql).
     */
    static final List<String> BASELINE_MODULES = List.of("java.base", "java.logging", "java.management",
            "jdk.management", "java.naming", "java.net.http", "java.sql", "java.xml", "jdk.unsupported");
    private static final Pattern LDD_PATH = Pattern.compile("(?:=>\\s*)?(/\\S+)\\s+\\(0x");

    private final Path jdkHome;
    private final Consumer<String> progress;

    JreAssembler(Path jdkHome, Consumer<String> progress) {
        this.jdkHome = jdkHome;
        this.progress = progress;
    }

    /** JAVA_HOME when set, else the JDK running this tool. */
    static Path defaultJdkHome() {
        String env = System.getenv("JAVA_HOME");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("java.home"));
    }

    /** jlink's output directory inside rootfs. */
    static Path jreDir(Path rootfs) {
        return rootfs.resolve("opt/jre");
    }

    void assemble(Path nodeJar, Path rootfs) throws EngineException, IOException {
        Set<String> modules = new TreeSet<>(BASELINE_MODULES);
        modules.addAll(jdepsModules(nodeJar));
        assembleModules(modules, rootfs);
    }

    /** A JRE of exactly {@code modules} (plus the libraries it loads) under rootfs/opt/jre. */
    void assembleModules(Set<String> modules, Path rootfs) throws EngineException, IOException {
        Path jlink = jdkHome.resolve("bin/jlink");
        if (!Files.isExecutable(jlink) || !Files.isDirectory(jdkHome.resolve("jmods"))) {
            throw new EngineException("No jlink with jmods in " + jdkHome + ".\nFix: point JAVA_HOME at a full JDK 17"
                    + " (e.g. apt-get install openjdk-17-jdk-headless; JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64).",
                    Reason.IMAGE_MISSING);
        }
        progress.accept("jlink " + String.join(",", modules));
        Path jre = jreDir(rootfs);
        Files.createDirectories(jre.getParent());
        run(List.of(jlink.toString(), "--add-modules", String.join(",", modules), "--strip-debug", "--no-man-pages",
                "--no-header-files", "--compress=2", "--generate-cds-archive", "--output", jre.toString()), 300);
        for (Path lib : sharedLibraries(jre)) {
            Path target = rootfs.resolve(lib.toString().substring(1));
            Files.createDirectories(target.getParent());
            // Copy the file the link points at, under the name the loader asks for.
            Files.copy(lib, target);
        }
    }

    /** Modules the jar's classes reference; empty when jdeps cannot analyse it (the baseline then serves). */
    private List<String> jdepsModules(Path nodeJar) {
        try {
            String out = run(List.of(jdkHome.resolve("bin/jdeps").toString(), "--ignore-missing-deps", "-q",
                    "--multi-release", "17", "--print-module-deps", nodeJar.toString()), 180);
            String last = out.strip().lines().reduce((a, b) -> b).orElse("");
            if (last.matches("[a-z0-9.,]+")) return List.of(last.split(","));
            progress.accept("WARN jdeps gave no module list, using the baseline modules");
        } catch (EngineException | IOException e) {
            progress.accept("WARN jdeps failed (" + e.getMessage() + "), using the baseline modules");
        }
        return List.of();
    }

    /** Every library outside the JRE that its launcher and native libraries load, per ldd. */
    private Set<Path> sharedLibraries(Path jre) throws IOException, EngineException {
        List<Path> binaries = new ArrayList<>();
        binaries.add(jre.resolve("bin/java"));
        try (Stream<Path> files = Files.walk(jre.resolve("lib"))) {
            files.filter(p -> p.getFileName().toString().endsWith(".so")).forEach(binaries::add);
        }
        Set<String> jreLibs = new TreeSet<>();
        binaries.forEach(b -> jreLibs.add(b.getFileName().toString()));
        Set<Path> libs = new TreeSet<>();
        for (Path binary : binaries) {
            String out = run(List.of("ldd", binary.toString()), 30);
            // JRE libraries find each other at run time through the launcher; only foreign ones matter.
            List<String> missing = out.lines().filter(l -> l.contains("not found"))
                    .map(l -> l.strip().split("\\s+")[0]).filter(name -> !jreLibs.contains(name)).toList();
            if (!missing.isEmpty()) {
                boolean essential = binary.endsWith("bin/java") || binary.endsWith("libjvm.so");
                if (essential) {
                    throw new EngineException("ldd cannot resolve " + missing + " for " + binary + ".\nFix: install them"
                            + " on this machine (the image copies them from here).", Reason.IMAGE_MISSING);
                }
                // e.g. AWT's X11 libraries: a headless node never loads them.
                progress.accept("WARN " + binary.getFileName() + " needs " + missing + ", not on this machine; not copied");
                continue;
            }
            libs.addAll(parseLdd(out, jre));
        }
        return libs;
    }

    static List<Path> parseLdd(String lddOutput, Path exclude) {
        List<Path> libs = new ArrayList<>();
        for (String line : lddOutput.split("\n")) {
            Matcher m = LDD_PATH.matcher(line);
            if (m.find()) {
                Path p = Path.of(m.group(1));
                if (exclude == null || !p.normalize().startsWith(exclude.normalize())) libs.add(p);
            }
        }
        return libs;
    }

    private static String run(List<String> command, int timeoutSeconds) throws IOException, EngineException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new EngineException(command.get(0) + " took over " + timeoutSeconds + " s", Reason.IMAGE_MISSING);
            }
            String text = new String(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new EngineException(String.join(" ", command) + " failed (exit " + p.exitValue() + "):\n" + text,
                        Reason.IMAGE_MISSING);
            }
            return text;
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted while running " + command.get(0), Reason.INTERRUPTED, e);
        }
    }
}
