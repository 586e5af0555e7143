package io.repram.orchestrate.cli;

import io.repram.orchestrate.engine.NodeJarLocation;
import io.repram.orchestrate.engine.EngineException;
import io.repram.orchestrate.engine.docker.DockerAdmin;
import io.repram.orchestrate.engine.docker.HostPorts;
import io.repram.orchestrate.engine.docker.ImageBuilder;
import io.repram.orchestrate.engine.docker.UserlandProxyCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code doctor}: checks the prerequisites and says how to fix each one. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Checks the prerequisites: Docker, the userland proxy, cores, memory, the image, ports.",
                "Each check prints OK, WARN or FAIL with the fix; Docker's version and where it answers are shown."},
        footer = {"%nExamples:%n  repram-orchestrate doctor",
                "  repram-orchestrate doctor --base-port 9000 --port-count 7",
                "%nExit codes: 0 no FAIL (warnings allowed), 1 at least one FAIL, 2 bad option."})
public class DoctorCommand implements Callable<Integer> {
    @Option(names = "--base-port", defaultValue = "8080",
            description = "First port to check (default ${DEFAULT-VALUE}, where `cluster up` publishes node 0).")
    int basePort;

    // A field initialiser, not defaultValue: the hidden old name must not reset what --port-count set.
    @Option(names = "--port-count", paramLabel = "N",
            description = "How many ports from the base port to check, one per node (default: ${DEFAULT-VALUE}).")
    int portCount = 7;

    // The old name, kept working but out of the help: --size meant nodes in cluster up and bytes in load.
    @Option(names = "--size", paramLabel = "N", hidden = true)
    Integer legacySize;

    @Option(names = "--image", defaultValue = ImageBuilder.DEFAULT_TAG, description = "Node image to look for (default ${DEFAULT-VALUE}).")
    String image;

    @Option(names = "--node-jar", paramLabel = "PATH",
            description = "Node jar the default image is built from (default: node/target/repram-node.jar in the repository).")
    Path nodeJar;

    private int failures;

    @Override
    public Integer call() {
        portCount = ports();
        nodeJar = NodeJarLocation.orDefault(nodeJar);
        try (DockerAdmin docker = DockerAdmin.connect()) {
            DockerAdmin.DaemonInfo d = docker.daemon();
            int major = parseMajor(d.version());
            if (major > 0 && major < 20) {
                warn("Docker Engine " + d.version() + " at " + d.dockerHost(), "upgrade to 20.10 or newer");
            } else {
                ok("Docker Engine " + d.version() + " (API " + d.apiVersion() + ") at " + d.dockerHost());
            }
            checkProxy();
            checkResources(d);
            checkImage(docker);
            checkPorts(docker.publishedPorts());
            checkSwarm(docker.swarmRole());
        } catch (EngineException e) {
            fail("Docker Engine not reachable", e.getMessage());
            checkPorts(Set.of());
        }
        checkJlink();
        System.out.println(failures == 0 ? "All required checks passed." : failures + " check(s) failed.");
        return failures == 0 ? ExitCodes.OK : ExitCodes.ERROR;
    }

    /** How many ports to check: --port-count, or its old name --size. */
    int ports() {
        int n = legacySize != null ? legacySize : portCount;
        if (n < 1) throw new IllegalArgumentException("--port-count must be at least 1, was " + n);
        return n;
    }

    /** Only --driver swarm needs a swarm, so its absence is a warning, never a failure. */
    private void checkSwarm(String role) {
        if (role.startsWith("manager")) {
            ok("Swarm: this Engine is the " + role + " (--driver swarm works)");
        } else {
            warn("Swarm: " + role + " (needed only for --driver swarm)", role.equals("swarm worker")
                    ? "point DOCKER_HOST at a swarm manager"
                    : "`docker swarm init --advertise-addr 127.0.0.1` for a one-machine swarm; see docs/multi-host.md");
        }
    }

    private void checkProxy() {
        Optional<Boolean> proxy = UserlandProxyCheck.detect();
        String fix = "restart the daemon with `dockerd --userland-proxy=false &` or set \"userland-proxy\": false"
                + " in /etc/docker/daemon.json; published ports through docker-proxy ran at ~1/3 of the direct rate"
                + " (nodes on node.network host, the default for repram-node:latest, publish none)";
        if (proxy.isEmpty()) {
            warn("Userland proxy: cannot tell (daemon not visible from here)", "make sure dockerd runs with --userland-proxy=false");
        } else if (proxy.get()) {
            warn("Userland proxy is ON", fix);
        } else {
            ok("Userland proxy is off (--userland-proxy=false)");
        }
    }

    private void checkResources(DockerAdmin.DaemonInfo d) {
        String what = String.format(Locale.ROOT, "%d core(s), %.1f GiB memory", d.cores(), d.memoryBytes() / (double) (1L << 30));
        if (d.cores() < 2 || d.memoryBytes() < 2L << 30) {
            warn(what, "a 7-node cluster plus the load generator needs at least 2 cores and 2 GiB; use smaller clusters");
        } else {
            ok(what);
        }
    }

    private void checkImage(DockerAdmin docker) {
        Optional<DockerAdmin.ImageInfo> img = docker.image(image);
        boolean ours = ImageBuilder.isDefaultImage(image);
        if (img.isEmpty()) {
            if (ours) {
                warn("Image " + image + " is missing", "run `repram-orchestrate image build` (run and cluster up also build it when the node jar exists)");
            } else {
                fail("Image " + image + " is missing", "no registry is reachable: `docker load -i <image>.tar`, or use " + ImageBuilder.DEFAULT_TAG);
            }
            return;
        }
        String id = img.get().id();
        String label = img.get().jarSha256();
        if (ours && label != null && Files.isRegularFile(nodeJar)) {
            try {
                String sha = ImageBuilder.sha256(nodeJar);
                if (!sha.equals(label)) {
                    warn("Image " + image + " " + id + " was built from another jar than " + nodeJar,
                            "run `repram-orchestrate image build` (runs rebuild it automatically)");
                    return;
                }
            } catch (EngineException e) {
                warn("Cannot read " + nodeJar, e.getMessage());
                return;
            }
        }
        ok("Image " + image + " " + id);
    }

    private void checkPorts(Set<Integer> published) {
        List<Integer> taken = new ArrayList<>();
        for (int p = basePort; p < basePort + portCount && p < 65536; p++) {
            if (!HostPorts.isFree(p, published)) taken.add(p);
        }
        String range = "127.0.0.1:" + basePort + "-" + (basePort + portCount - 1);
        if (taken.isEmpty()) {
            ok("Ports " + range + " are free");
        } else {
            warn("Ports taken in " + range + ": " + taken, "free them (`repram-orchestrate cluster ls`, `cleanup`), or pass"
                    + " another --base-port; without --base-port the tool falls back to free ports");
        }
    }

    private void checkJlink() {
        String javaHome = Optional.ofNullable(System.getenv("JAVA_HOME")).filter(s -> !s.isBlank())
                .orElse(System.getProperty("java.home"));
        Path jdk = Path.of(javaHome);
        if (Files.isExecutable(jdk.resolve("bin/jlink")) && Files.isDirectory(jdk.resolve("jmods"))) {
            ok("jlink with jmods in " + jdk + " (needed by image build)");
        } else {
            warn("No jlink with jmods in " + jdk, "image build needs a full JDK 17: set JAVA_HOME, e.g. /usr/lib/jvm/java-17-openjdk-amd64");
        }
    }

    private static int parseMajor(String version) {
        try {
            return Integer.parseInt(version.split("\\.")[0]);
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private void ok(String what) {
        System.out.println("OK    " + what);
    }

    private void warn(String what, String fix) {
        System.out.println("WARN  " + what + "\n      fix: " + fix);
    }

    private void fail(String what, String fix) {
        failures++;
        System.out.println("FAIL  " + what + "\n      fix: " + fix.replace("\n", "\n      "));
    }
}
