package io.repram.orchestrate.engine.docker;

import io.repram.orchestrate.engine.Reason;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import io.repram.orchestrate.engine.EngineException;
import io.repram.orchestrate.engine.docker.reaper.EngineApi;
import io.repram.orchestrate.engine.docker.reaper.ReaperMain;
import io.repram.orchestrate.engine.docker.reaper.Vigil;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Builds {@value #TAG} without any registry: FROM scratch + a java.base-only jlink'd JRE + the
 * reaper's own class files (taken from this tool's class path, so no extra artifact ships). Rebuilt
 * only when its {@link #LABEL_SHA256} label differs from the hash of those classes, the Dockerfile
 * and the JDK version.
 */
final class ReaperImage {
    static final String TAG = "repram-reaper:latest";
    static final String LABEL_SHA256 = DockerLabels.PREFIX + "reaper-sha256";
    static final String CLASSES_DIR = "/opt/reaper";
    /** Every class file of the reaper package; ReaperImageTest checks the list is complete. */
    static final List<String> CLASS_NAMES = List.of(ReaperMain.class.getName(), EngineApi.class.getName(),
            EngineApi.Response.class.getName(), Vigil.class.getName());
    private static final Set<String> MODULES = Set.of("java.base");
    private static final List<String> JVM_FLAGS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss256k",
            "-Xms8m", "-Xmx32m", "-XX:-UsePerfData", "-Xshare:auto");

    private final DockerClient docker;
    private final Consumer<String> progress;

    ReaperImage(DockerClient docker, Consumer<String> progress) {
        this.docker = docker;
        this.progress = progress;
    }

    /** The image id of an up-to-date {@value #TAG}, building it when missing or stale. */
    String ensure() throws EngineException {
        Map<String, byte[]> classes = classFiles();
        String dockerfile = dockerfile();
        String sha = sha256(classes, dockerfile);
        try {
            InspectImageResponse existing = docker.inspectImageCmd(TAG).exec();
            Map<String, String> labels = existing.getConfig() == null ? null : existing.getConfig().getLabels();
            if (labels != null && sha.equals(labels.get(LABEL_SHA256))) return existing.getId();
        } catch (NotFoundException missing) {
            // built below
        }
        progress.accept("Building " + TAG + " (the session reaper; once per tool version)");
        Path work = null;
        try {
            work = Files.createTempDirectory("repram-reaper");
            Path rootfs = work.resolve("rootfs");
            new JreAssembler(JreAssembler.defaultJdkHome(), line -> { }).assembleModules(MODULES, rootfs);
            ImageBuilder.writeSystemFiles(rootfs);
            for (Map.Entry<String, byte[]> c : classes.entrySet()) {
                Path target = rootfs.resolve(CLASSES_DIR.substring(1)).resolve(c.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, c.getValue());
            }
            Path tar = work.resolve("context.tar");
            try (OutputStream out = Files.newOutputStream(tar)) {
                BuildContext.write(out, dockerfile, rootfs);
            }
            try (InputStream in = Files.newInputStream(tar)) {
                String shortId = docker.buildImageCmd(in).withLabels(Map.of(LABEL_SHA256, sha)).withTags(Set.of(TAG))
                        .withPull(false).withRemove(true).withForcerm(true)
                        .exec(new BuildImageResultCallback()).awaitImageId();
                return docker.inspectImageCmd(shortId).exec().getId();
            }
        } catch (IOException e) {
            throw new EngineException("Building " + TAG + " failed: " + e.getMessage(), Reason.ERROR, e);
        } catch (RuntimeException e) {
            throw DockerConnection.failed("Building " + TAG, e);
        } finally {
            ImageBuilder.deleteTree(work);
        }
    }

    /** Root, because the daemon's socket is root:docker 0660. */
    static String dockerfile() {
        List<String> entry = new ArrayList<>();
        entry.add(ImageBuilder.JRE_JAVA);
        entry.addAll(JVM_FLAGS);
        entry.addAll(List.of("-cp", CLASSES_DIR, ReaperMain.class.getName()));
        String json = entry.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(", ", "[", "]"));
        return "FROM scratch\nCOPY rootfs/ /\nEXPOSE " + ReaperMain.PORT + "\nUSER 0:0\nENTRYPOINT " + json + "\n";
    }

    /** Class-file path (io/repram/.../X.class) → bytes, read from this tool's own class path. */
    static Map<String, byte[]> classFiles() throws EngineException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String name : CLASS_NAMES) {
            String path = name.replace('.', '/') + ".class";
            try (InputStream in = ReaperImage.class.getClassLoader().getResourceAsStream(path)) {
                if (in == null) throw new IOException("not on the class path");
                files.put(path, in.readAllBytes());
            } catch (IOException e) {
                throw new EngineException("Cannot read the reaper class " + path + ": " + e.getMessage()
                        + "\nFix: rebuild the tool (mvn -B -pl orchestrator -am package).", Reason.ERROR, e);
            }
        }
        return files;
    }

    static String sha256(Map<String, byte[]> classes, String dockerfile) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            classes.forEach((path, bytes) -> {
                md.update(path.getBytes(StandardCharsets.UTF_8));
                md.update(bytes);
            });
            md.update(dockerfile.getBytes(StandardCharsets.UTF_8));
            // A different JDK makes a different JRE.
            md.update(System.getProperty("java.runtime.version", "").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
