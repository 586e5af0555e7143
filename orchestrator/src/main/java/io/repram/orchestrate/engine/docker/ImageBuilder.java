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
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Builds {@value #DEFAULT_TAG} without any registry: FROM scratch + a jlink'd JRE + the libraries
 * it links + the node jar, then an AppCDS archive recorded by running that very image once (so
 * JRE, jar path and jar timestamp match exactly what the nodes run). Skips the build when the
 * image's {@link DockerLabels#JAR_SHA256} label equals the jar's hash.
 */
public final class ImageBuilder {
    public static final String DEFAULT_TAG = "repram-node:latest";
    static final String JRE_JAVA = "/opt/jre/bin/java";
    static final String JAR_IN_IMAGE = "/opt/repram/repram-node.jar";
    static final String CDS_ARCHIVE = "/opt/repram/app.jsa";
    /** A direct-memory limit no node reaches: the node's storage cap is the real bound. */
    public static final String UNBOUNDED_DIRECT_MEMORY = "1t";
    /**
     * Full tiered compilation: measured here (3 nodes, 25 workers, 1 KB) 5.4k req/s against 3.6k
     * with C1 only, at the price of about 1 s more for seven nodes to get healthy. Flags given
     * here win over JAVA_TOOL_OPTIONS, so anything a user may want to change stays out of them.
     */
    public static final List<String> JVM_FLAGS = List.of(
            // Values live off the heap (the node's store), so the heap holds only the index and
            // requests in flight, and the collector needs no tuning: G1 with its defaults, the same
            // as `java -jar` on a machine with two or more cores. Named here because in a container
            // with one CPU or under 1792 MB the JVM would pick SerialGC, whose full collections of a
            // large index stop the node for hundreds of milliseconds.
            "-XX:+UseG1GC",
            // The heap follows the container limit (node.memory): a quarter of it, the JVM's default
            // share, said out loud. The node gives the rest, less a reserve for the JVM itself, to
            // its off-heap store (node/README.md, "Memory").
            "-XX:MaxRAMPercentage=25",
            // The JDK's direct-memory limit defaults to the heap size, which would leave the store a
            // quarter of the container. Lifted; the node's own cap, derived from the container limit,
            // bounds the slabs, so the JDK never reaches its limit (and its System.gc()).
            "-XX:MaxDirectMemorySize=" + UNBOUNDED_DIRECT_MEMORY,
            "-Xss256k", "-XX:+ExitOnOutOfMemoryError", "-XX:-UsePerfData");

    /** For clusters that are poked by hand (`cluster up`): start-up matters more than peak throughput. */
    public static final String FAST_START_JAVA_OPTIONS = "-XX:TieredStopAtLevel=1";

    private final DockerClient docker;
    private final String sessionId;
    private final boolean reaped;
    private final Consumer<String> progress;

    public ImageBuilder(DockerClient docker, String sessionId, Consumer<String> progress) {
        this(docker, sessionId, false, progress);
    }

    /** @param reaped the session has a reaper: the training container is marked for it and for the sweep */
    ImageBuilder(DockerClient docker, String sessionId, boolean reaped, Consumer<String> progress) {
        this.docker = docker;
        this.sessionId = sessionId;
        this.reaped = reaped;
        this.progress = progress;
    }

    /** @param rebuilt false when the existing image already had this jar */
    public record Result(String imageId, boolean rebuilt, String jarSha256, boolean cdsArchive) {
    }

    public static boolean isDefaultImage(String image) {
        return DEFAULT_TAG.equals(image) || "repram-node".equals(image);
    }

    public Result build(Path nodeJar, boolean force) throws EngineException {
        if (!Files.isRegularFile(nodeJar)) {
            throw new EngineException("Node jar not found at " + nodeJar.toAbsolutePath()
                    + ".\nFix: build it with `mvn -B -pl node -am package -DskipTests`, or pass --node-jar PATH.",
                    Reason.IMAGE_MISSING);
        }
        String sha = sha256(nodeJar);
        Optional<InspectImageResponse> existing = inspect(DEFAULT_TAG);
        if (!force && existing.isPresent() && existing.get().getConfig() != null
                && existing.get().getConfig().getLabels() != null
                && sha.equals(existing.get().getConfig().getLabels().get(DockerLabels.JAR_SHA256))
                && String.join(" ", JVM_FLAGS).equals(existing.get().getConfig().getLabels().get(DockerLabels.JVM_FLAGS))) {
            return new Result(existing.get().getId(), false, sha,
                    existing.get().getConfig().getEntrypoint() != null
                            && String.join(" ", existing.get().getConfig().getEntrypoint()).contains("SharedArchiveFile"));
        }
        progress.accept("Building " + DEFAULT_TAG + " from " + nodeJar + " (sha256 " + sha.substring(0, 12) + ")");
        Path work = null;
        try {
            work = Files.createTempDirectory("repram-image");
            Path rootfs = work.resolve("rootfs");
            new JreAssembler(JreAssembler.defaultJdkHome(), progress).assemble(nodeJar, rootfs);
            writeSystemFiles(rootfs);
            Path jarTarget = rootfs.resolve(JAR_IN_IMAGE.substring(1));
            Files.createDirectories(jarTarget.getParent());
            Files.copy(nodeJar, jarTarget);

            Map<String, String> labels = Map.of(DockerLabels.JAR_SHA256, sha, DockerLabels.JVM_FLAGS, String.join(" ", JVM_FLAGS));
            Path baseTar = work.resolve("base.tar");
            try (OutputStream out = Files.newOutputStream(baseTar)) {
                BuildContext.write(out, dockerfile("scratch", false), rootfs);
            }
            String baseId = buildImage(baseTar, labels, null);
            progress.accept("Base image " + shortId(baseId) + " built; recording the class-data-sharing archive");

            Path archive = work.resolve("app.jsa");
            boolean cds = new CdsTrainer(docker, sessionId, reaped, progress).record(baseId, archive);
            String imageId;
            if (cds) {
                Path finalTar = work.resolve("final.tar");
                try (OutputStream out = Files.newOutputStream(finalTar)) {
                    BuildContext.writeFiles(out, dockerfile(baseId, true), List.of(archive));
                }
                imageId = buildImage(finalTar, labels, DEFAULT_TAG);
            } else {
                progress.accept("WARN no CDS archive: nodes will start slower. The image works without it.");
                String[] repoTag = DEFAULT_TAG.split(":");
                docker.tagImageCmd(baseId, repoTag[0], repoTag[1]).exec();
                imageId = baseId;
            }
            existing.filter(old -> !old.getId().equals(imageId)).ifPresent(old -> removeQuietly(old.getId()));
            progress.accept("Built " + DEFAULT_TAG + " " + shortId(imageId) + (cds ? " with" : " without") + " a CDS archive");
            return new Result(imageId, true, sha, cds);
        } catch (IOException e) {
            throw new EngineException("Building " + DEFAULT_TAG + " failed: " + e.getMessage(), Reason.IMAGE_MISSING, e);
        } catch (RuntimeException e) {
            throw DockerConnection.failed("Building " + DEFAULT_TAG, e);
        } finally {
            deleteTree(work);
        }
    }

    /** The Dockerfile of the base (from scratch, the whole root fs) or final (base + archive) stage. */
    static String dockerfile(String from, boolean withArchive) {
        List<String> entry = new ArrayList<>();
        entry.add(JRE_JAVA);
        entry.addAll(JVM_FLAGS);
        if (withArchive) entry.add("-XX:SharedArchiveFile=" + CDS_ARCHIVE);
        entry.add("-jar");
        entry.add(JAR_IN_IMAGE);
        String entrypoint = entry.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(", ", "[", "]"));
        StringBuilder df = new StringBuilder("FROM ").append(from).append('\n');
        df.append(withArchive ? "COPY app.jsa " + CDS_ARCHIVE + "\n" : "COPY rootfs/ /\n");
        df.append("EXPOSE 8080\n");
        df.append("USER 65534:65534\n");
        df.append("ENTRYPOINT ").append(entrypoint).append('\n');
        return df.toString();
    }

    private String buildImage(Path contextTar, Map<String, String> labels, String tag) throws IOException {
        try (InputStream in = Files.newInputStream(contextTar)) {
            var cmd = docker.buildImageCmd(in).withLabels(labels).withPull(false).withRemove(true).withForcerm(true);
            if (tag != null) cmd.withTags(Set.of(tag));
            String shortId = cmd.exec(new BuildImageResultCallback()).awaitImageId();
            // The build stream names the image by its short id; everything else uses the full one.
            return docker.inspectImageCmd(shortId).exec().getId();
        }
    }

    /** A user for the node (nobody), and name lookups from /etc/hosts first, then Docker's DNS. */
    static void writeSystemFiles(Path rootfs) throws IOException {
        Path etc = Files.createDirectories(rootfs.resolve("etc"));
        Files.writeString(etc.resolve("passwd"), "root:x:0:0:root:/root:/sbin/nologin\n"
                + "nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin\n");
        Files.writeString(etc.resolve("group"), "root:x:0:\nnogroup:x:65534:\n");
        Files.writeString(etc.resolve("nsswitch.conf"), "hosts: files dns\n");
        Files.createDirectories(rootfs.resolve("tmp"));
    }

    private Optional<InspectImageResponse> inspect(String image) {
        try {
            return Optional.of(docker.inspectImageCmd(image).exec());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private void removeQuietly(String imageId) {
        try {
            docker.removeImageCmd(imageId).exec();
        } catch (RuntimeException e) {
            // still used by a container: it goes away with `docker image prune` later
        }
    }

    /** Hex SHA-256 of a file: the image label that decides whether a rebuild is needed. */
    public static String sha256(Path file) throws EngineException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new EngineException("Cannot read " + file + ": " + e.getMessage(), Reason.IMAGE_MISSING, e);
        }
    }

    private static String shortId(String id) {
        String s = id.startsWith("sha256:") ? id.substring(7) : id;
        return s.substring(0, Math.min(12, s.length()));
    }

    static void deleteTree(Path dir) {
        if (dir == null) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp dir left behind is harmless
        }
    }
}
