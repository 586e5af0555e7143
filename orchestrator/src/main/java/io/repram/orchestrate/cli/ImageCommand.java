package io.repram.orchestrate.cli;

import io.repram.orchestrate.engine.EngineException;
import io.repram.orchestrate.engine.NodeJarLocation;
import io.repram.orchestrate.engine.docker.DockerAdmin;
import io.repram.orchestrate.engine.docker.ImageBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code image build}: the self-contained node image, no registry needed. */
@Command(name = "image", mixinStandardHelpOptions = true,
        description = "Manage the node image " + ImageBuilder.DEFAULT_TAG + ".",
        subcommands = ImageCommand.Build.class,
        footer = {"%nExample:%n  repram-orchestrate image build --node-jar node/target/repram-node.jar"})
public class ImageCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(System.err);
        return ExitCodes.BAD_INPUT;
    }

    @Command(name = "build", mixinStandardHelpOptions = true,
            description = {"Builds " + ImageBuilder.DEFAULT_TAG + " through the Docker Engine API: FROM scratch,"
                    + " a jlink'd JRE, the libraries it links, the node jar and a class-data-sharing archive.",
                    "Skipped when the image was built from the same jar (SHA-256 label), unless --force."},
            footer = {"%nExamples:%n  repram-orchestrate image build",
                    "  repram-orchestrate image build --node-jar /tmp/repram-node.jar --force",
                    "%nExit codes: 0 ok, 1 error, 3 Docker unavailable, 6 image could not be built."})
    static class Build implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--node-jar", paramLabel = "PATH",
                description = "Node jar (default: node/target/repram-node.jar in the repository).")
        Path nodeJar;

        @Option(names = "--force", description = "Rebuild even when the jar did not change.")
        boolean force;

        @Override
        public Integer call() throws EngineException {
            try (DockerAdmin docker = DockerAdmin.connect()) {
                long start = System.nanoTime();
                ImageBuilder.Result r = docker.buildImage(NodeJarLocation.orDefault(nodeJar), force,
                        Verbosity.of(spec).progress(System.out::println));
                System.out.printf("%s %s: %s (jar sha256 %s, CDS archive: %s)%n", ImageBuilder.DEFAULT_TAG,
                        r.imageId(), r.rebuilt() ? String.format("built in %.1f s", (System.nanoTime() - start) / 1e9)
                                : "up to date, not rebuilt", r.jarSha256().substring(0, 12), r.cdsArchive() ? "yes" : "no");
                return ExitCodes.OK;
            }
        }
    }
}
