package io.repram.orchestrate.engine.docker;

import io.repram.orchestrate.engine.Reason;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import io.repram.orchestrate.engine.EngineException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A FROM-scratch image of a jlink'd JRE plus some files, for the tool's own helper programs (the
 * swarm gateway, the load agents). Built the way the node image is (JreAssembler, BuildContext,
 * no registry) and rebuilt only when the hash of its inputs, kept in a label, changes.
 *
 * @param files      path inside the image → content (e.g. class files)
 * @param jar        a jar to copy to {@code jarInImage}, or null
 * @param entrypoint the ENTRYPOINT, exec form
 * @param user       "uid:gid" the program runs as
 */
public record JavaImage(String tag, Set<String> modules, Map<String, byte[]> files, Path jar, String jarInImage,
                        List<String> entrypoint, String user) {
    public static final String LABEL_SHA256 = DockerLabels.PREFIX + "image-sha256";
    public static final String JAVA = ImageBuilder.JRE_JAVA;

    public JavaImage {
        modules = new TreeSet<>(modules);
        files = Map.copyOf(files);
        entrypoint = List.copyOf(entrypoint);
    }

    /** The modules the node image starts from (callers add what their program needs on top). */
    public static Set<String> baselineModules() {
        return new TreeSet<>(JreAssembler.BASELINE_MODULES);
    }

    String dockerfile() {
        String json = entrypoint.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(", ", "[", "]"));
        return "FROM scratch\nCOPY rootfs/ /\nUSER " + user + "\nENTRYPOINT " + json + "\n";
    }

    /** Hash of everything that goes into the image, and of the JDK that makes its JRE. */
    String inputSha256() throws EngineException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            new TreeSet<>(files.keySet()).forEach(path -> {
                md.update(path.getBytes(StandardCharsets.UTF_8));
                md.update(files.get(path));
            });
            if (jar != null) md.update(ImageBuilder.sha256(jar).getBytes(StandardCharsets.UTF_8));
            md.update(String.join(",", modules).getBytes(StandardCharsets.UTF_8));
            md.update(dockerfile().getBytes(StandardCharsets.UTF_8));
            md.update(System.getProperty("java.runtime.version", "").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The id of an up-to-date image, building it when missing or stale. */
    public String ensure(DockerClient docker, Consumer<String> progress) throws EngineException {
        String sha = inputSha256();
        try {
            InspectImageResponse existing = docker.inspectImageCmd(tag).exec();
            Map<String, String> labels = existing.getConfig() == null ? null : existing.getConfig().getLabels();
            if (labels != null && sha.equals(labels.get(LABEL_SHA256))) return existing.getId();
        } catch (NotFoundException missing) {
            // built below
        }
        progress.accept("Building " + tag + " (" + (jar != null ? jar.getFileName() : files.size() + " class files") + ")");
        Path work = null;
        try {
            work = Files.createTempDirectory("repram-java-image");
            Path rootfs = work.resolve("rootfs");
            new JreAssembler(JreAssembler.defaultJdkHome(), line -> { }).assembleModules(modules, rootfs);
            ImageBuilder.writeSystemFiles(rootfs);
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                Path target = rootfs.resolve(f.getKey().replaceFirst("^/", ""));
                Files.createDirectories(target.getParent());
                Files.write(target, f.getValue());
            }
            if (jar != null) {
                Path target = rootfs.resolve(jarInImage.replaceFirst("^/", ""));
                Files.createDirectories(target.getParent());
                Files.copy(jar, target);
            }
            Path tar = work.resolve("context.tar");
            try (OutputStream out = Files.newOutputStream(tar)) {
                BuildContext.write(out, dockerfile(), rootfs);
            }
            try (InputStream in = Files.newInputStream(tar)) {
                String shortId = docker.buildImageCmd(in).withLabels(Map.of(LABEL_SHA256, sha)).withTags(Set.of(tag))
                        .withPull(false).withRemove(true).withForcerm(true)
                        .exec(new BuildImageResultCallback()).awaitImageId();
                return docker.inspectImageCmd(shortId).exec().getId();
            }
        } catch (IOException e) {
            throw new EngineException("Building " + tag + " failed: " + e.getMessage(), Reason.ERROR, e);
        } catch (RuntimeException e) {
            throw DockerConnection.failed("Building " + tag, e);
        } finally {
            ImageBuilder.deleteTree(work);
        }
    }

    /** Class-file path → bytes for the named classes, from this tool's own class path. */
    public static Map<String, byte[]> classFiles(String dirInImage, List<String> classNames) throws EngineException {
        Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        for (String name : classNames) {
            String path = name.replace('.', '/') + ".class";
            try (InputStream in = JavaImage.class.getClassLoader().getResourceAsStream(path)) {
                if (in == null) throw new IOException("not on the class path");
                files.put(dirInImage + "/" + path, in.readAllBytes());
            } catch (IOException e) {
                throw new EngineException("Cannot read the class " + path + ": " + e.getMessage()
                        + "\nFix: rebuild the tool (mvn -B -pl orchestrator -am package).", Reason.ERROR, e);
            }
        }
        return files;
    }
}
