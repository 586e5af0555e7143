package io.repram.orchestrate.cli;

import io.repram.orchestrate.engine.Engine;
import io.repram.orchestrate.engine.EngineException;
import io.repram.orchestrate.engine.docker.DockerEngine;
import io.repram.orchestrate.engine.process.ProcessEngine;

import java.nio.file.Path;
import java.util.function.Consumer;

/** Picks and opens the engine named by {@code --driver}. */
final class EngineFactory {

    enum Driver { AUTO, DOCKER, PROCESS }

    private EngineFactory() {
    }

    /**
     * @param say receives one line saying which driver {@code auto} chose and why
     */
    static Engine open(Driver driver, Path nodeJar, boolean strictPorts, Consumer<String> say)
            throws EngineException {
        return switch (driver) {
            case DOCKER -> docker(nodeJar, strictPorts, say);
            case PROCESS -> process(nodeJar);
            case AUTO -> {
                try {
                    Engine e = docker(nodeJar, strictPorts, say);
                    say.accept("Driver: docker (the Docker daemon answered; use --driver process to run nodes as local JVMs)");
                    yield e;
                } catch (EngineException e) {
                    if (e.exitCode() != ExitCodes.DOCKER_UNAVAILABLE) throw e;
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
