package io.repram.orchestrate.cli;

import io.repram.orchestrate.engine.EngineException;
import io.repram.orchestrate.engine.docker.DockerAdmin;
import io.repram.orchestrate.engine.docker.DockerCleanup;
import io.repram.orchestrate.engine.docker.DockerLabels;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code cleanup}: removes every container and network this tool ever created, from any session. */
@Command(name = "cleanup", mixinStandardHelpOptions = true,
        description = {"Removes every container, network and swarm service labelled " + DockerLabels.SESSION + ", from any session,"
                + " including clusters kept by `cluster up`. Finds them by label only: nothing else is touched."},
        footer = {"%nExample:%n  repram-orchestrate cleanup",
                "%nExit codes: 0 ok, 3 Docker unavailable."})
public class CleanupCommand implements Callable<Integer> {
    @Override
    public Integer call() throws EngineException {
        try (DockerAdmin docker = DockerAdmin.connect()) {
            DockerCleanup.Removed removed = docker.removeAllLabelled();
            removed.containers().forEach(c -> System.out.println("removed container " + c));
            removed.networks().forEach(n -> System.out.println("removed network " + n));
            removed.services().forEach(s -> System.out.println("removed swarm service " + s));
            System.out.println(removed.isEmpty() ? "Nothing to remove."
                    : "Removed " + removed.containers().size() + " container(s), " + removed.networks().size() + " network(s)"
                    + " and " + removed.services().size() + " swarm service(s).");
            return ExitCodes.OK;
        }
    }
}
