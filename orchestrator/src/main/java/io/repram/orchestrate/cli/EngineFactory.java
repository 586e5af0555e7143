package io.repram.orchestrate.cli;

import io.repram.orchestrate.engine.Reason;
import io.repram.orchestrate.engine.Engine;
import io.repram.orchestrate.engine.EngineException;
import io.repram.orchestrate.engine.docker.DockerEngine;
import io.repram.orchestrate.engine.process.ProcessEngine;
import io.repram.orchestrate.engine.swarm.SwarmEngine;

import java.nio.file.Path;
import java.util.function.Consumer;

/** Picks and opens the engine named by {@code --driver}. */
final class EngineFactory {

    enum Driver { AUTO, DOCKER, PROCESS, SWARM }

    /** How the swarm driver reaches the nodes: a loopback gateway container, or swarm host-mode ports. */
    enum PublishMode { GATEWAY, HOST }

    /** The swarm driver's settings; ignored by the others. @param registry HOST[:PORT]/PREFIX or null */
    record SwarmSettings(String registry, PublishMode publishMode) {
        static SwarmSettings defaults() {
            return new SwarmSettings(null, PublishMode.GATEWAY);
        }
    }

    private EngineFactory() {
    }

    /**
     * @param say receives one line saying which driver {@code auto} chose and why
     */
    static Engine open(Driver driver, Path nodeJar, boolean strictPorts, Consumer<String> say)
            throws EngineException {
        return open(driver, nodeJar, strictPorts, SwarmSettings.defaults(), say);
    }

    static Engine open(Driver driver, Path nodeJar, boolean strictPorts, SwarmSettings swarm, Consumer<String> say)
            throws EngineException {
        if (driver != Driver.SWARM && (swarm.registry() != null || swarm.publishMode() != PublishMode.GATEWAY)) {
            throw new EngineException("--registry and --publish-mode apply to --driver swarm only.", Reason.BAD_INPUT);
        }
        return switch (driver) {
            case SWARM -> swarm(nodeJar, swarm, say);
            case DOCKER -> docker(nodeJar, strictPorts, say);
            case PROCESS -> process(nodeJar);
            case AUTO -> {
                try {
                    Engine e = docker(nodeJar, strictPorts, say);
                    say.accept("Driver: docker (the Docker daemon answered; use --driver process to run nodes as local JVMs)");
                    yield e;
                } catch (EngineException e) {
                    if (e.reason() != Reason.DAEMON_UNAVAILABLE) throw e;
                    say.accept("Driver: process (no Docker daemon answered: " + firstLine(e.getMessage())
                            + "); nodes run as local JVMs");
                    yield process(nodeJar);
                }
            }
        };
    }

    private static Engine docker(Path nodeJar, boolean strictPorts, Consumer<String> say) throws EngineException {
        return new DockerEngine(new DockerEngine.Options(nodeJar, strictPorts, false, say));
    }

    private static Engine swarm(Path nodeJar, SwarmSettings settings, Consumer<String> say) throws EngineException {
        if (settings.publishMode() == PublishMode.HOST) {
            // Swarm's host-mode ports open on every interface, which this project never does; and the
            // orchestrator would need each task machine's address. docs/multi-host.md says what to do instead.
            throw new EngineException("--publish-mode host is not implemented: swarm would publish the node ports on all"
                    + " interfaces of the machines running the tasks.\nFix: use the default --publish-mode gateway and run"
                    + " the orchestrator on a manager (or with DOCKER_HOST pointing at one); see docs/multi-host.md.",
                    Reason.BAD_INPUT);
        }
        return new SwarmEngine(new SwarmEngine.Options(nodeJar, settings.registry(), say));
    }

    private static Engine process(Path nodeJar) throws EngineException {
        ProcessEngine engine = new ProcessEngine(nodeJar);
        engine.verifyNodeJar();
        return engine;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
