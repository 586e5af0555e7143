package io.repram.orchestrate.engine.swarm;

import io.repram.orchestrate.engine.Reason;
import com.github.dockerjava.api.DockerClient;
import io.repram.orchestrate.engine.EngineException;
import io.repram.orchestrate.engine.docker.JavaImage;
import io.repram.orchestrate.engine.swarm.gateway.Forwarder;
import io.repram.orchestrate.engine.swarm.gateway.GatewayMain;
import io.repram.orchestrate.engine.swarm.gateway.Route;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The images of the tool's own programs on a swarm. {@value #AGENT_TAG}: the shaded orchestrator
 * jar, for {@code repram-orchestrate agent}. {@value #GATEWAY_TAG}: just the gateway's class files
 * on a java.base JRE, built from this tool's class path, so the gateway needs no packaged jar (the
 * tests run before Maven packages it) and its image stays tiny.
 */
final class OrchestratorImage {
    static final String AGENT_TAG = "repram-orchestrate:latest";
    static final String GATEWAY_TAG = "repram-gateway:latest";
    static final String JAR_IN_IMAGE = "/opt/repram/repram-orchestrate.jar";
    static final String GATEWAY_CLASSES = "/opt/gateway";
    /** Every class of the gateway package; OrchestratorImageTest checks the list is complete. */
    static final List<String> GATEWAY_CLASS_NAMES = List.of(GatewayMain.class.getName(), Forwarder.class.getName(),
            Forwarder.class.getName() + "$Pipe", Forwarder.class.getName() + "$Side", Route.class.getName());
    /** Where `mvn package` puts the shaded jar, relative to the repository root. */
    static final Path JAR_IN_REPOSITORY = Path.of("orchestrator", "target", "repram-orchestrate.jar");

    private OrchestratorImage() {
    }

    static JavaImage gateway() throws EngineException {
        return new JavaImage(GATEWAY_TAG, Set.of("java.base"), JavaImage.classFiles(GATEWAY_CLASSES, GATEWAY_CLASS_NAMES),
                null, null, List.of(JavaImage.JAVA, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss256k", "-Xmx64m",
                "-XX:-UsePerfData", "-cp", GATEWAY_CLASSES, GatewayMain.class.getName()), "65534:65534");
    }

    static JavaImage agent(Path jar) {
        // The agent's control API runs on the JDK's own HTTP server (jdk.httpserver), which the
        // node's baseline module set does not include.
        Set<String> modules = new java.util.TreeSet<>(JavaImage.baselineModules());
        modules.add("jdk.httpserver");
        return new JavaImage(AGENT_TAG, modules, Map.of(), jar, JAR_IN_IMAGE,
                List.of(JavaImage.JAVA, "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-XX:-UsePerfData",
                        "-jar", JAR_IN_IMAGE), "65534:65534");
    }

    /**
     * The shaded jar: the {@code repram.orchestrator.jar} property, else the jar this class was
     * loaded from, else {@link #JAR_IN_REPOSITORY} under {@code repram.home} or the working directory.
     */
    static Path jar() throws EngineException {
        String explicit = System.getProperty("repram.orchestrator.jar");
        if (explicit != null && !explicit.isBlank()) return existing(Path.of(explicit));
        try {
            Path self = Path.of(OrchestratorImage.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(self) && self.toString().endsWith(".jar")) return self;
        } catch (Exception e) {
            // not loaded from a file: look in the repository below
        }
        String home = System.getProperty("repram.home");
        Path inRepo = home != null && !home.isBlank() ? Path.of(home).resolve(JAR_IN_REPOSITORY) : JAR_IN_REPOSITORY;
        if (!Files.isRegularFile(inRepo) && Files.isRegularFile(Path.of("target", "repram-orchestrate.jar"))) {
            inRepo = Path.of("target", "repram-orchestrate.jar");
        }
        return existing(inRepo);
    }

    private static Path existing(Path jar) throws EngineException {
        if (!Files.isRegularFile(jar)) {
            throw new EngineException("The orchestrator jar is not at " + jar.toAbsolutePath() + "; the load agents' image"
                    + " is built from it.\nFix: mvn -B -pl orchestrator -am package -DskipTests, or set"
                    + " -Drepram.orchestrator.jar=PATH.", Reason.IMAGE_MISSING);
        }
        return jar;
    }

    static String ensureGateway(DockerClient docker, Consumer<String> progress) throws EngineException {
        return gateway().ensure(docker, progress);
    }

    static String ensureAgent(DockerClient docker, Consumer<String> progress) throws EngineException {
        return agent(jar()).ensure(docker, progress);
    }
}
